#!/usr/bin/env bash
# The embedded default: a throwaway registry:2 on loopback, seeded with demo images, broken the way the
# 2026-04-19 post-mortem describes, then probed. Installs docker-registry when missing.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh docker-registry
exec dotnet run --project src/RegistryGuard.Cli -c Release -- demo "$@"
