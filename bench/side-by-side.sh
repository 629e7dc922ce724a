#!/usr/bin/env bash
# Scan or probe figures of two builds side by side, in one run on one generated tree: the baseline (a git ref, built
# from a `git archive` of it) and the working tree, both published ReadyToRun as bench/run.sh measures them. Runs
# alternate (baseline, current, baseline, ...) so a machine that gets busier or quieter during the run weighs on both
# alike. Prints a markdown table: whole-process wall time, CPU time (user + system) and peak memory.
#
#   bench/side-by-side.sh [--verb scan|probe] [--baseline REF] [--shape R T G] [--runs N] [--work DIR] [--prebuilt DIR]
#
# --verb      scan (default): `scan --root` of a generated storage tree, warm page cache;
#             probe: `probe --registry` of a real docker-registry serving a generated tree
# --baseline  git ref to compare with (default: main)
# --shape     R repositories x T tags over G content groups (default: scan 3300 20 50, 1,006,500 links, the tree of
#             docs/benchmarks.md rows 3a/3b; probe 400 20 400, the registry of rows 1 and 4)
# --runs      runs per build (default 5), after one untimed run of each build
# --prebuilt  compare DIR/registryguard.dll with itself, with DIR/registryguard-bench.dll generating the data, instead
#             of publishing (CI's smoke test of this script: the figures mean nothing)
#
# Only loopback addresses are contacted.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
verb=scan baseline=main runs=5 work=/var/tmp/registryguard-bench shape=() output=/dev/null prebuilt=""
while [ $# -gt 0 ]; do
  case "$1" in
    --verb) verb=$2; shift 2 ;;
    --baseline) baseline=$2; shift 2 ;;
    --shape) shape=("$2" "$3" "$4"); shift 4 ;;
    --runs) runs=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --prebuilt) prebuilt=$2; shift 2 ;;
    *) echo "usage: bench/side-by-side.sh [--verb scan|probe] [--baseline REF] [--shape R T G] [--runs N] [--work DIR] [--prebuilt DIR]" >&2; exit 2 ;;
  esac
done
case "$verb" in
  scan) [ ${#shape[@]} -gt 0 ] || shape=(3300 20 50) ;;
  probe) [ ${#shape[@]} -gt 0 ] || shape=(400 20 400) ;;
  *) echo "--verb must be scan or probe" >&2; exit 2 ;;
esac

# shellcheck source=bench/common.sh
source bench/common.sh
start_run "side-by-side-$verb"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$run_dir/src"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -n "$prebuilt" ]; then
  base_rev=prebuilt current_rev=prebuilt baseline=$prebuilt
  cli_baseline=(dotnet "$prebuilt/registryguard.dll") cli_current=(dotnet "$prebuilt/registryguard.dll")
  tool=(dotnet "$prebuilt/registryguard-bench.dll")
else
  base_rev=$(git rev-parse --short "$baseline")
  current_rev=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo "+changes")
  log "publishing the baseline ($baseline: $base_rev) and the working tree ($current_rev)"
  mkdir -p "$run_dir/src"
  git archive "$baseline" | tar -x -C "$run_dir/src"
  publish "$run_dir/src/src/RegistryGuard.Cli" "$run_dir/baseline" -p:PublishReadyToRun=true
  publish src/RegistryGuard.Cli "$run_dir/current" -p:PublishReadyToRun=true
  publish bench/RegistryGuard.Bench "$run_dir/bench"
  cli_baseline=("$run_dir/baseline/registryguard") cli_current=("$run_dir/current/registryguard")
  tool=("$run_dir/bench/registryguard-bench")
fi
data=$(generate "$verb" "${shape[@]}")

if [ "$verb" = probe ]; then
  port=$(free_port)
  registry_config "$data/storage" "127.0.0.1:$port" "$run_dir/registry.yml"
  docker-registry serve "$run_dir/registry.yml" > "$run_dir/registry.log" 2>&1 &
  pids+=($!)
  wait_for "http://127.0.0.1:$port/v2/" "${pids[-1]}" "$run_dir/registry.log"
  args=(probe --registry "http://127.0.0.1:$port")
  size="$(jq -r '.result | "\(.repositories) repositories, \(.tags) tags, \(.manifests) manifests, \(.blobs) blobs"' "$data/stats.json")"
else
  args=(scan --root "$data/storage")
  size="$(jq -r '.result | "\(.link_files) link files, \(.repositories) repositories, \(.tags) tags"' "$data/stats.json"); warm cache"
fi

run() { # baseline|current -> "wall cpu peak-MiB"; the run must find the registry clean
  local -n cli="cli_$1"
  /usr/bin/time -f "%e %U %S %M" -o "$run_dir/time" "${cli[@]}" "${args[@]}" --output json > "$run_dir/$1.json" || true
  jq -e '.summary.exit_code == 0' "$run_dir/$1.json" > /dev/null || { echo "$1: the $verb was not clean" >&2; head -c 2000 "$run_dir/$1.json" >&2; exit 1; }
  awk '{ printf "%.2f %.2f %.1f", $1, $2 + $3, $4 / 1024 }' "$run_dir/time"
}

log "one untimed $verb of each build"
run baseline > /dev/null; run current > /dev/null
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
t_base=() t_cur=() c_base=() c_cur=() m_base=() m_cur=()
for i in $(seq 1 "$runs"); do
  log "run $i/$runs"
  read -r wall cpu mem <<< "$(run baseline)"; t_base+=("$wall"); c_base+=("$cpu"); m_base+=("$mem")
  read -r wall cpu mem <<< "$(run current)"; t_cur+=("$wall"); c_cur+=("$cpu"); m_cur+=("$mem")
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
med() { printf '%s\n' "$@" | median; }

echo "| build | median wall time | median CPU time (user + system) | median peak RSS | wall times (s) | CPU times (s) |"
echo "|---|---|---|---|---|---|"
echo "| baseline $baseline ($base_rev) | $(med "${t_base[@]}") s | $(med "${c_base[@]}") s | $(med "${m_base[@]}") MiB | ${t_base[*]} | ${c_base[*]} |"
echo "| this tree ($current_rev) | $(med "${t_cur[@]}") s | $(med "${c_cur[@]}") s | $(med "${m_cur[@]}") MiB | ${t_cur[*]} | ${c_cur[*]} |"
echo
echo "$verb, this tree / baseline: wall $(ratio "$(med "${t_cur[@]}")" "$(med "${t_base[@]}")"), CPU $(ratio "$(med "${c_cur[@]}")" "$(med "${c_base[@]}")"), peak RSS $(ratio "$(med "${m_cur[@]}")" "$(med "${m_base[@]}")"); $size; runs interleaved; load average at start $load_start, at end $load_end; $(nproc) cores."
