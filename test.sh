#!/usr/bin/env bash
# Runs every test: unit tests and integration tests against real docker-registry, skopeo,
# Pushgateway and promtool. Installs missing Debian packages first. Ends with "N passed, N failed".
#
# Before the tests it builds the release files (scripts/release.sh: the Native AOT executable, its tarball and the
# Debian package) into artifacts/dist; the package tests install that package. Then the integration suite's main
# paths (the tests marked Suite=native) run a second time against the native executable from the tarball.
# With arguments (e.g. --filter X) only `dotnet test ARGS` runs after the release build.
set -uo pipefail
cd "$(dirname "$0")"
# A runner that starts this script in the background hands it SIGINT ignored, and an ignored signal stays ignored
# across exec (bash cannot reset it): the signal tests' SIGINT would never reach the CLI. Reset it for all below.
if [ -z "${REGISTRYGUARD_TEST_SIGINT_RESET:-}" ]; then
  REGISTRYGUARD_TEST_SIGINT_RESET=1 exec env --default-signal=INT bash "$0" "$@"
fi
scripts/install-deps.sh || exit 2
results="TestResults"
rm -rf "$results"
dotnet build RegistryGuard.sln -c Release -warnaserror --nologo -v q || exit 1

dist="$PWD/artifacts/dist"
rm -rf "$dist"
mkdir -p "$dist"
release_status=0
echo "test.sh: scripts/release.sh (Native AOT publish, tarball, Debian package; log: artifacts/release.log)" >&2
started=$(date +%s)
scripts/release.sh --out "$dist" > artifacts/release.log 2>&1 || { release_status=$?; tail -n 40 artifacts/release.log >&2; }
echo "test.sh: release build took $(( $(date +%s) - started ))s (exit $release_status)" >&2
# Set even when the build failed: the package tests then fail on the missing files instead of building again.
export REGISTRYGUARD_DIST="$dist"

dotnet test RegistryGuard.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
status=$?

if [ $# -eq 0 ]; then
  native="$PWD/artifacts/native"
  rm -rf "$native"
  mkdir -p "$native"
  tarball=("$dist"/registryguard-*-linux-x64.tar.gz)
  if [ -f "${tarball[0]}" ] && tar -xzf "${tarball[0]}" -C "$native" --strip-components=1; then
    echo "test.sh: the main integration paths again, against the native executable $native/registryguard" >&2
    REGISTRYGUARD_BINARY="$native/registryguard" dotnet test tests/RegistryGuard.IntegrationTests -c Release --no-build --nologo \
      --filter "Suite=native" --logger "trx;LogFileName=native.trx" --logger "console;verbosity=normal" --results-directory "$results" \
      || status=1
  else
    echo "test.sh: no native executable to test (scripts/release.sh failed)" >&2
    status=1
  fi
fi

scripts/test-summary.sh "$results"
[ $release_status -ne 0 ] && status=1
exit $status
