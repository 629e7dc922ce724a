#!/usr/bin/env bash
# The restore and publish steps of the Dockerfile's build stage, kept in one place: the Dockerfile RUNs
# this script, and scripts/container-build.sh runs the Dockerfile's RUN lines outside a container engine,
# so the image and CI's check cannot drift apart.
#   container-publish.sh restore
#   container-publish.sh publish OUT_DIR
set -euo pipefail
project=src/RegistryGuard.Cli/RegistryGuard.Cli.csproj
# ReadyToRun needs the runtime identifier at restore time too (it brings the crossgen2 and runtime packs).
target=(-r linux-x64 -p:PublishReadyToRun=true -p:SelfContained=false)
case "${1:-}" in
  restore)
    dotnet restore "$project" "${target[@]}" --nologo
    ;;
  publish)
    out=${2:?usage: container-publish.sh publish OUT_DIR}
    dotnet publish "$project" -c Release --no-restore --nologo "${target[@]}" \
      -p:SatelliteResourceLanguages=en -p:DebugType=none -p:GenerateDocumentationFile=false \
      -o "$out"
    ;;
  *)
    echo "usage: container-publish.sh restore | publish OUT_DIR" >&2
    exit 2
    ;;
esac
