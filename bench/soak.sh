#!/usr/bin/env bash
# serve for months, compressed: runs the serve soak test (tests/RegistryGuard.IntegrationTests/Soak/) in its full
# form and writes its figures into docs/reliability.md, between the soak markers of the "serve for months" section.
# The test is the one CI runs in a short form (~2.5 minutes); this runs it for --minutes (default 30): the real
# registryguard serve against the real docker-registry and Pushgateway, second-level schedules (probe every second,
# scans, an applying prune and a fixing scan every few seconds, plain gc every minute) while a client pushes, with
# the registry restarted and the gateway down for 30 s every 5 minutes, alternately.
#
#   bench/soak.sh [--minutes N] [--output FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=30 output=docs/reliability.md
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes=$2; shift 2 ;;
    --output) output=$2; shift 2 ;;
    *) echo "usage: bench/soak.sh [--minutes N] [--output FILE]" >&2; exit 2 ;;
  esac
done
grep -q '^<!-- soak:begin -->$' "$output" && grep -q '^<!-- soak:end -->$' "$output" \
  || { echo "error: $output has no <!-- soak:begin --> / <!-- soak:end --> markers" >&2; exit 2; }

scripts/install-deps.sh
dotnet build tests/RegistryGuard.IntegrationTests -c Release -warnaserror --nologo -v q
figures=$(mktemp)
trap 'rm -f "$figures" "$figures.section"' EXIT
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
REGISTRYGUARD_SOAK_MINUTES=$minutes REGISTRYGUARD_SOAK_REPORT=$figures \
  dotnet test tests/RegistryGuard.IntegrationTests -c Release --no-build --nologo \
  --filter "FullyQualifiedName~Soak.ServeSoakTests" --logger "console;verbosity=normal"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo '<!-- soak:begin -->'
  echo "Measured by \`bench/soak.sh --minutes $minutes\` on $(date -u +%Y-%m-%d) at commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (with uncommitted changes)'):"
  echo "$(nproc) cores ($(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)), load average $load_before before and $load_after after (other work shared the machine)."
  echo
  cat "$figures"
  echo '<!-- soak:end -->'
} > "$figures.section"
awk -v section="$figures.section" '
  /^<!-- soak:begin -->$/ { while ((getline line < section) > 0) print line; skipping = 1; next }
  /^<!-- soak:end -->$/ { skipping = 0; next }
  !skipping { print }
' "$output" > "$output.new"
mv "$output.new" "$output"
echo "wrote the soak figures into $output"
