#!/usr/bin/env bash
# What checking cosign signatures costs a probe: the same generated registry (every build signed, a
# sha256-<hex>.sig tag per build as cosign stores it) probed without and with --cosign-key, alternately,
# median of N runs each. Writes a small markdown table to bench/SIGNATURES.md (bench/run.sh puts it into
# docs/benchmarks.md). A measurement, not a test: nothing here has a target.
#
#   bench/signatures.sh [--size tiny|default] [--runs N] [--work DIR] [--output FILE] [--prebuilt DIR]
#
# Only loopback addresses are contacted.
set -euo pipefail
invocation="bench/signatures.sh $*"
cd "$(dirname "$0")/.."
repo=$(pwd)

size=default runs=3 work=/var/tmp/registryguard-bench output="$repo/bench/SIGNATURES.md" prebuilt=""
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --output) output=$2; shift 2 ;;
    --prebuilt) prebuilt=$2; shift 2 ;;
    *) echo "usage: bench/signatures.sh [--size tiny|default] [--runs N] [--work DIR] [--output FILE] [--prebuilt DIR]" >&2; exit 2 ;;
  esac
done
case "$size" in
  tiny)    shape=(4 2) ;;     # repositories, tags per repository (every repository distinct)
  default) shape=(100 10) ;;
  *) echo "--size must be tiny or default" >&2; exit 2 ;;
esac

# shellcheck source=bench/common.sh
source bench/common.sh # free_port, registry_config, wait_for, median
mkdir -p "$work"
work=$(cd "$work" && pwd)
run_dir="$work/signatures-$$"
mkdir -p "$run_dir"
log() { printf '[bench-signatures %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
for tool in docker-registry jq curl; do command -v "$tool" > /dev/null || { echo "$tool is needed (scripts/install-deps.sh)" >&2; exit 1; }; done
[ -x /usr/bin/time ] || { echo "/usr/bin/time is needed (apt-get install time)" >&2; exit 1; }

registry_pid=""
cleanup() { if [ -n "$registry_pid" ]; then kill "$registry_pid" 2>/dev/null || true; wait "$registry_pid" 2>/dev/null || true; fi; }
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -n "$prebuilt" ]; then
  cli=(dotnet "$prebuilt/registryguard.dll"); tool=(dotnet "$prebuilt/registryguard-bench.dll"); build_note="framework-dependent build from $prebuilt"
else
  log "publishing the CLI and the generator (Release, linux-x64)"
  for project in src/RegistryGuard.Cli:cli bench/RegistryGuard.Bench:bench; do
    dotnet publish "${project%%:*}" -c Release -r linux-x64 --self-contained false -o "$work/bin/${project##*:}" --nologo -v q \
      -p:UseAppHost=true -p:PublishReadyToRun=true > "$run_dir/publish-${project##*:}.log" 2>&1 \
      || { cat "$run_dir/publish-${project##*:}.log" >&2; exit 1; }
  done
  cli=("$work/bin/cli/registryguard"); tool=("$work/bin/bench/registryguard-bench"); build_note="Release, ReadyToRun publish for linux-x64"
fi

data="$work/data/signed-${shape[0]}x${shape[1]}"
if [ ! -f "$data/cosign.pub" ]; then
  rm -rf "$data"; mkdir -p "$data"
  log "generating a signed registry: ${shape[0]} repositories x ${shape[1]} tags (+latest), every build signed"
  "${tool[@]}" storage --root "$data/storage" --repositories "${shape[0]}" --tags "${shape[1]}" --groups "${shape[0]}" \
    --cosign-pub "$data/cosign.pub.tmp" > "$data/stats.json"
  mv "$data/cosign.pub.tmp" "$data/cosign.pub"
fi

port=$(free_port)
registry_config "$data/storage" "127.0.0.1:$port" "$run_dir/registry.yml"
docker-registry serve "$run_dir/registry.yml" > "$run_dir/registry.log" 2>&1 &
registry_pid=$!
url="http://127.0.0.1:$port"
wait_for "$url/v2/" "$registry_pid" "$run_dir/registry.log"

probe() { # label extra-args...
  local label=$1 i=$2; shift 2
  /usr/bin/time -f '%U %S' -o "$run_dir/$label-$i.time" "${cli[@]}" probe --registry "$url" --output json "$@" > "$run_dir/$label-$i.json" || true
  [ "$(jq -r .summary.exit_code "$run_dir/$label-$i.json")" = 0 ] || { echo "the $label probe was not clean:" >&2; head -c 2000 "$run_dir/$label-$i.json" >&2; exit 1; }
}
log "warm-up probe (page cache, registry)"
probe warmup 0
for i in $(seq 1 "$runs"); do
  log "run $i/$runs: probe without, then with --cosign-key"
  probe plain "$i"
  probe signed "$i" --cosign-key "$data/cosign.pub" --require-signature '**'
done

column() { # label jq-expression -> median over runs
  for i in $(seq 1 "$runs"); do jq -r "$2" "$run_dir/$1-$i.json"; done | median
}
cpu() { for i in $(seq 1 "$runs"); do awk '{ print $1 + $2 }' "$run_dir/$1-$i.time"; done | median; }
signed=$(jq '.summary.signatures.valid' "$run_dir/signed-1.json")
[ "$signed" -gt 0 ] && [ "$(jq '.summary.signatures.checked' "$run_dir/signed-1.json")" = "$signed" ] || { echo "not every image verified" >&2; exit 1; }
tags=$(jq '.summary.tags' "$run_dir/signed-1.json")
t_plain=$(column plain .summary.duration_seconds); t_signed=$(column signed .summary.duration_seconds)
r_plain=$(column plain .summary.requests); r_signed=$(column signed .summary.requests)
c_plain=$(cpu plain); c_signed=$(cpu signed)
per() { awk -v a="$1" -v b="$2" -v n="$signed" -v k="$3" 'BEGIN { printf "%.2f", (b - a) * k / n }'; }

{
  echo "## Signature checks (probe --cosign-key)"
  echo
  echo "Generated by \`$invocation\` on $(date -u +%Y-%m-%dT%H:%M:%SZ) (UTC): a registry of ${shape[0]} repositories x ${shape[1]} builds,"
  echo "each build a two-platform OCI index signed at \`sha256-<hex>.sig\` (ECDSA P-256, as \`cosign sign --key\` stores it),"
  echo "$tags tags in all (versions, \`latest\`, signature tags); $signed signed images, all valid. Probed without and with"
  echo "\`--cosign-key cosign.pub --require-signature '**'\`, alternately, median of $runs runs each, concurrency 16,"
  echo "on $(nproc) shared cores (load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)); $build_note."
  echo
  echo "| probe | requests | wall time | CPU (user+sys) |"
  echo "|---|---|---|---|"
  echo "| without \`--cosign-key\` | $r_plain | ${t_plain} s | ${c_plain} s |"
  echo "| with \`--cosign-key\` | $r_signed | ${t_signed} s | ${c_signed} s |"
  echo "| cost per signed image | +$(per "$r_plain" "$r_signed" 1) | +$(per "$t_plain" "$t_signed" 1000) ms | +$(per "$c_plain" "$c_signed" 1000) ms |"
  echo
  echo "A signed image costs the signature tag's GET and the payload blob's GET (verified in memory); the referrers API"
  echo "is asked until its first 404 (distribution 2.8 has none; remembered for the run). The walk itself reads the \`.sig\` tags with or"
  echo "without a key. Several tags on one image (\`latest\`) are checked once. Reproduce: \`bench/signatures.sh --size $size --runs $runs\`."
} > "$output"
log "wrote $output"
cat "$output"
