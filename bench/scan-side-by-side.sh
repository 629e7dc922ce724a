#!/usr/bin/env bash
# Scan figures of two builds side by side, in one run on one generated tree: the baseline (a git ref, built from a
# `git archive` of it) and the working tree. Runs alternate (baseline, current, baseline, ...) so a machine that gets
# busier or quieter during the run weighs on both alike. Prints a markdown table of whole-process wall times.
#
#   bench/scan-side-by-side.sh [--baseline REF] [--shape R T G] [--runs N] [--work DIR]
#
# --baseline  git ref to compare with (default: main)
# --shape     the scan tree: R repositories x T tags over G content groups (default 3300 20 50: 1,006,500 links,
#             the tree of docs/benchmarks.md rows 3a/3b)
# --runs      runs per build (default 5); the cache is warmed by one untimed pass of each build first
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
baseline=main runs=5 work=/var/tmp/registryguard-bench shape=(3300 20 50)
while [ $# -gt 0 ]; do
  case "$1" in
    --baseline) baseline=$2; shift 2 ;;
    --shape) shape=("$2" "$3" "$4"); shift 4 ;;
    --runs) runs=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    *) echo "usage: bench/scan-side-by-side.sh [--baseline REF] [--shape R T G] [--runs N] [--work DIR]" >&2; exit 2 ;;
  esac
done
log() { printf '[side-by-side %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
mkdir -p "$work"
run_dir=$(mktemp -d "$work/side-by-side-XXXXXX")
trap 'rm -rf "$run_dir/src"' EXIT

publish() { # project output
  dotnet publish "$1" -c Release -r linux-x64 --self-contained false -o "$2" --nologo -v q -p:UseAppHost=true -p:PublishReadyToRun=true \
    > "$run_dir/publish.log" 2>&1 || { cat "$run_dir/publish.log" >&2; return 1; }
}

base_rev=$(git rev-parse --short "$baseline")
current_rev=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo "+changes")
log "publishing the baseline ($baseline: $base_rev) and the working tree ($current_rev)"
mkdir -p "$run_dir/src"
git archive "$baseline" | tar -x -C "$run_dir/src"
publish "$run_dir/src/src/RegistryGuard.Cli" "$run_dir/baseline"
publish src/RegistryGuard.Cli "$run_dir/current"
publish bench/RegistryGuard.Bench "$run_dir/bench"

data="$work/data/scan-${shape[0]}x${shape[1]}g${shape[2]}"
if [ ! -f "$data/stats.json" ]; then
  rm -rf "$data"; mkdir -p "$data"
  log "generating the scan tree: ${shape[0]} repositories x ${shape[1]} tags, ${shape[2]} content groups"
  "$run_dir/bench/registryguard-bench" storage --root "$data/storage" --repositories "${shape[0]}" --tags "${shape[1]}" --groups "${shape[2]}" > "$data/stats.tmp"
  mv "$data/stats.tmp" "$data/stats.json"
fi
links=$(jq .result.link_files "$data/stats.json")

scan() { # build -> "wall cpu" seconds (cpu: user + system of the whole process); the scan must find the tree clean
  /usr/bin/time -f "%e %U %S" -o "$run_dir/time" "$run_dir/$1/registryguard" scan --root "$data/storage" --output json > "$run_dir/$1.json"
  awk '{ printf "%.2f %.2f", $1, $2 + $3 }' "$run_dir/time"
}
median() { sort -g | awk '{a[NR]=$1} END { if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2 }'; }

log "warming the page cache (one untimed scan of each build)"
scan baseline > /dev/null; scan current > /dev/null
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
t_base=() t_cur=() c_base=() c_cur=()
for i in $(seq 1 "$runs"); do
  log "run $i/$runs ($links link files)"
  read -r wall cpu <<< "$(scan baseline)"; t_base+=("$wall"); c_base+=("$cpu")
  read -r wall cpu <<< "$(scan current)"; t_cur+=("$wall"); c_cur+=("$cpu")
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
for build in baseline current; do
  jq -e '.summary.exit_code == 0' "$run_dir/$build.json" > /dev/null || { echo "$build: the scan was not clean" >&2; exit 1; }
done
m_base=$(printf '%s\n' "${t_base[@]}" | median)
m_cur=$(printf '%s\n' "${t_cur[@]}" | median)
mc_base=$(printf '%s\n' "${c_base[@]}" | median)
mc_cur=$(printf '%s\n' "${c_cur[@]}" | median)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "| build | median wall time | median CPU time (user + system) | wall times (s) | CPU times (s) |"
echo "|---|---|---|---|---|"
echo "| baseline $baseline ($base_rev) | ${m_base} s | ${mc_base} s | ${t_base[*]} | ${c_base[*]} |"
echo "| this branch ($current_rev) | ${m_cur} s | ${mc_cur} s | ${t_cur[*]} | ${c_cur[*]} |"
echo
echo "Ratio this branch / baseline: wall $(ratio "$m_cur" "$m_base"), CPU $(ratio "$mc_cur" "$mc_base"); $links link files, $(jq -r '.result | "\(.repositories) repositories, \(.tags) tags"' "$data/stats.json"); warm cache; runs interleaved; load average at start $load_start, at end $load_end; $(nproc) cores."
