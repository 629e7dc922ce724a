#!/usr/bin/env bash
# Publishes the native executable the release ships (scripts/release.sh) and the benchmarks measure (bench/native.sh):
#   scripts/publish-native.sh OUT_DIR [extra dotnet publish arguments...]    -> OUT_DIR/registryguard
# Native AOT for linux-x64, invariant globalization. Trim and AOT warnings are errors (TreatWarningsAsErrors reaches
# the native compiler), one per call site (TrimmerSingleWarn=false). UseSystemZlib: link Debian's libz.so.1 (zlib1g,
# priority required) instead of the runtime's own zlib-ng copy: Debian packages carry no embedded copies of libraries
# (lintian: embedded-library). The container image, whose distroless base has no zlib, keeps the bundled copy
# (scripts/container-publish.sh). DebugType=none: no .dbg symbol file next to it. Needs clang and zlib1g-dev.
set -euo pipefail
out=${1:?usage: publish-native.sh OUT_DIR [dotnet publish arguments...]}
shift
cd "$(dirname "$0")/.."
dotnet publish src/RegistryGuard.Cli -c Release -r linux-x64 --nologo \
  -p:PublishAot=true -p:InvariantGlobalization=true -p:UseSystemZlib=true -p:TrimmerSingleWarn=false -p:DebugType=none \
  "$@" -o "$out"
