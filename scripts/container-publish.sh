#!/usr/bin/env bash
# The restore and publish steps of the Dockerfile's build stage, kept in one place: the Dockerfile RUNs
# this script, and scripts/container-build.sh runs the Dockerfile's RUN lines outside a container engine,
# so the image and CI's check cannot drift apart.
#   container-publish.sh restore
#   container-publish.sh publish OUT_DIR
set -euo pipefail
project=src/RegistryGuard.Cli/RegistryGuard.Cli.csproj
# Native AOT needs the runtime identifier and PublishAot at restore time too (they bring the ILCompiler and runtime
# packs). Trim and AOT warnings are errors (TreatWarningsAsErrors reaches the native compiler). The runtime's own
# zlib is linked in: the chiseled base image has none (scripts/publish-native.sh links the system's for the Debian package).
target=(-r linux-x64 -p:PublishAot=true)
case "${1:-}" in
  restore)
    dotnet restore "$project" "${target[@]}" --nologo
    ;;
  publish)
    out=${2:?usage: container-publish.sh publish OUT_DIR}
    # DebugType=none: no separate .dbg symbol file next to the executable.
    dotnet publish "$project" -c Release --no-restore --nologo "${target[@]}" \
      -p:InvariantGlobalization=true -p:DebugType=none -p:GenerateDocumentationFile=false \
      -o "$out"
    ;;
  *)
    echo "usage: container-publish.sh restore | publish OUT_DIR" >&2
    exit 2
    ;;
esac
