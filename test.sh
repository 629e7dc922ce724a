#!/usr/bin/env bash
# Runs every test: unit tests and integration tests against real docker-registry, skopeo,
# Pushgateway and promtool. Installs missing Debian packages first. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh || exit 2
results="TestResults"
rm -rf "$results"
dotnet build RegistryGuard.sln -c Release -warnaserror --nologo -v q || exit 1
dotnet test RegistryGuard.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
status=$?
scripts/test-summary.sh "$results"
exit $status
