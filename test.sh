#!/usr/bin/env bash
# Runs every test: unit tests and integration tests against real docker-registry, skopeo,
# Pushgateway and promtool. Installs missing Debian packages first. Ends with "N passed, N failed".
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
dotnet test RegistryGuard.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
status=$?
scripts/test-summary.sh "$results"
exit $status
