#!/usr/bin/env bash
# The native executable (Native AOT) against the framework-dependent build, side by side in one run (issue 15):
# start-up, peak memory of a probe of a small registry, CPU time per probe request, and a plain sequential script
# (one request at a time, status only) as the floor. Writes its section of docs/benchmarks.md (bench/run.sh keeps it).
#
#   bench/native.sh [--size small|tiny] [--runs N] [--output FILE] [--work DIR] [--native FILE] [--jit DIR]
#
# --size small   (default) 40 repositories x 8 multi-arch tags, the registry the issue names
# --size tiny    a smoke run (CI): 4 x 2; every row runs, the figures mean nothing
# --native FILE  the native executable to measure (default: scripts/publish-native.sh, as the release builds it)
# --jit DIR      the framework-dependent build to measure: DIR/registryguard.dll and DIR/registryguard-bench.dll
#                (default: a ReadyToRun framework-dependent publish, as bench/run.sh measures)
#
# Only loopback addresses are contacted.
set -euo pipefail
invocation="bench/native.sh $*"
cd "$(dirname "$0")/.."
repo=$(pwd)

size=small output="$repo/docs/benchmarks.md" work=/var/tmp/registryguard-bench runs=5 native="" jit=""
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --output) output=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --native) native=$2; shift 2 ;;
    --jit) jit=$2; shift 2 ;;
    *) echo "usage: bench/native.sh [--size small|tiny] [--runs N] [--output FILE] [--work DIR] [--native FILE] [--jit DIR]" >&2; exit 2 ;;
  esac
done
case "$size" in
  small) shape=(40 8 40); startup_rounds=6; startup_runs=10 ;;
  tiny) shape=(4 2 4); startup_rounds=1; startup_runs=5 ;;
  *) echo "--size must be small or tiny" >&2; exit 2 ;;
esac

# shellcheck source=bench/common.sh
source bench/common.sh
start_run native
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)

# ---------------------------------------------------------------- builds
bin="$work/bin"
if [ -z "$native" ]; then
  log "publishing the native executable (scripts/publish-native.sh: a few minutes)"
  scripts/publish-native.sh "$bin/native" > "$run_dir/publish-native.log" 2>&1 || { cat "$run_dir/publish-native.log" >&2; exit 1; }
  native="$bin/native/registryguard"
fi
native=$(cd "$(dirname "$native")" && pwd)/$(basename "$native")
if [ -n "$jit" ]; then
  fd=(dotnet "$jit/registryguard.dll")
  tool=(dotnet "$jit/registryguard-bench.dll")
  fd_note="framework-dependent build from $jit (JIT, not ReadyToRun)"
else
  log "publishing the framework-dependent CLI (Release, ReadyToRun, linux-x64)"
  publish src/RegistryGuard.Cli "$bin/cli" -p:PublishReadyToRun=true
  publish bench/RegistryGuard.Bench "$bin/bench"
  fd=("$bin/cli/registryguard")
  tool=("$bin/bench/registryguard-bench")
  fd_note="ReadyToRun framework-dependent publish (what bench/run.sh measures)"
fi
publish_hello "$bin/hello"
version=$("$native" --version)
[ "$("${fd[@]}" --version)" = "$version" ] || log "note: the two builds report different versions ($version vs $("${fd[@]}" --version))"

# ---------------------------------------------------------------- the registry
data=$(generate probe "${shape[@]}")
port=$(free_port)
registry_config "$data/storage" "127.0.0.1:$port" "$run_dir/registry.yml"
docker-registry serve "$run_dir/registry.yml" > "$run_dir/registry.log" 2>&1 &
pids+=($!)
url="http://127.0.0.1:$port"
wait_for "$url/v2/" "${pids[-1]}" "$run_dir/registry.log"

# ---------------------------------------------------------------- N1: start-up
# In rounds, each timing the three commands back to back, so that a change of the machine's load between two
# commands weighs on one round, not on the ratio of the whole run; the ratio is the median of the rounds' ratios.
declare -a r_native=() r_fd=() r_hello=() r_ratio=() c_native=() c_hello=()
for round in $(seq 1 "$startup_rounds"); do
  log "start-up round $round/$startup_rounds"
  if command -v hyperfine > /dev/null; then
    hyperfine -N --warmup 2 --runs "$startup_runs" --export-json "$run_dir/startup-$round.json" \
      "$native --version" "${fd[*]} --version" "$hello" > "$run_dir/startup-$round.txt" 2>&1
    read -r tn tf th < <(jq -r '[.results[].median] | @tsv' "$run_dir/startup-$round.json")
    read -r cn _ ch < <(jq -r '[.results[] | .user + .system] | @tsv' "$run_dir/startup-$round.json")
  else
    declare -a tn_runs=() tf_runs=() th_runs=()
    for _ in 1 2; do "$native" --version > /dev/null; "${fd[@]}" --version > /dev/null; "$hello" > /dev/null; done
    for _ in $(seq 1 "$startup_runs"); do
      t=$(now); "$native" --version > /dev/null; tn_runs+=("$(elapsed "$t")")
      t=$(now); "${fd[@]}" --version > /dev/null; tf_runs+=("$(elapsed "$t")")
      t=$(now); "$hello" > /dev/null; th_runs+=("$(elapsed "$t")")
    done
    tn=$(printf '%s\n' "${tn_runs[@]}" | median); tf=$(printf '%s\n' "${tf_runs[@]}" | median); th=$(printf '%s\n' "${th_runs[@]}" | median)
    cn=nan ch=nan
  fi
  r_native+=("$tn") r_fd+=("$tf") r_hello+=("$th") r_ratio+=("$(ratio "$tn" "$th")") c_native+=("$cn") c_hello+=("$ch")
done
if command -v hyperfine > /dev/null; then
  how="hyperfine -N, $startup_rounds round(s) of $startup_runs runs per command after 2 warm-ups; wall-clock medians"
else
  how="shell loop (hyperfine not installed), $startup_rounds round(s) of $startup_runs runs per command; wall-clock medians"
fi
ms() { awk -v t="$1" 'BEGIN { printf "%.1f", t * 1000 }'; }
t_native=$(printf '%s\n' "${r_native[@]}" | median)
t_fd=$(printf '%s\n' "${r_fd[@]}" | median)
t_hello=$(printf '%s\n' "${r_hello[@]}" | median)
r1=$(printf '%s\n' "${r_ratio[@]}" | median)
cpu_note=""
if [ "${c_native[0]}" != nan ]; then
  cpu_note="; CPU (user + sys, mean per run): native $(ms "$(printf '%s\n' "${c_native[@]}" | median)") ms vs hello world $(ms "$(printf '%s\n' "${c_hello[@]}" | median)") ms"
fi
row N1 "start-up: native \`registryguard --version\` vs a hello-world console app ($hello_note)" "$r1× ($(ms "$t_native") ms vs $(ms "$t_hello") ms)" "≤ 0.2×" "$(verdict "$r1" '<=' 0.2)" \
  "$how; ratio per round: $(printf '%s ' "${r_ratio[@]}")$cpu_note; the framework-dependent \`registryguard --version\`: $(ms "$t_fd") ms ($(ratio "$t_fd" "$t_hello")× the hello world)"

# ---------------------------------------------------------------- N2, N3: whole probes, both builds, alternating
probe_once() { # label command...
  local label=$1; shift
  /usr/bin/time -f '%U %S %M' -o "$run_dir/$label.time" "$@" probe --registry "$url" --output json > "$run_dir/$label.json" || true
  [ "$(jq -r .summary.exit_code "$run_dir/$label.json")" = 0 ] || { echo "the $label probe was not clean:" >&2; head -c 2000 "$run_dir/$label.json" >&2; exit 1; }
  local requests
  requests=$(jq .summary.requests "$run_dir/$label.json")
  # CPU µs per request (user + sys of the whole process, start-up included) and peak RSS in MiB.
  awk -v n="$requests" '{ printf "%.0f %.1f\n", ($1 + $2) * 1000000 / n, $3 / 1024 }' "$run_dir/$label.time"
}
declare -a cpu_native=() cpu_fd=() rss_native=() rss_fd=()
log "probing the registry once with each build (warm-up)"
probe_once warmup-native "$native" > /dev/null
probe_once warmup-fd "${fd[@]}" > /dev/null
for i in $(seq 1 "$runs"); do
  log "probe run $i/$runs: native, then framework-dependent"
  read -r c m < <(probe_once "native-$i" "$native"); cpu_native+=("$c"); rss_native+=("$m")
  read -r c m < <(probe_once "fd-$i" "${fd[@]}"); cpu_fd+=("$c"); rss_fd+=("$m")
done
requests=$(jq .summary.requests "$run_dir/native-1.json")
objects=$(jq '.summary.manifests + .summary.blobs' "$run_dir/native-1.json")
m_rss_native=$(printf '%s\n' "${rss_native[@]}" | median)
m_rss_fd=$(printf '%s\n' "${rss_fd[@]}" | median)
m_cpu_native=$(printf '%s\n' "${cpu_native[@]}" | median)
m_cpu_fd=$(printf '%s\n' "${cpu_fd[@]}" | median)
registry_shape="${shape[0]} repositories × ${shape[1]} multi-arch tags (and \`latest\`)"
if [ "$size" = small ]; then v2=$(verdict "$m_rss_native" '<=' 40); else v2="n/a (size $size)"; fi
row N2 "peak memory of a probe of $registry_shape ($objects objects, $requests requests): native" "$m_rss_native MiB (framework-dependent: $m_rss_fd MiB)" "≤ 40 MiB" "$v2" \
  "maximum resident set size (/usr/bin/time) of the whole probe, median of $runs runs: native $(printf '%s ' "${rss_native[@]}")/ framework-dependent $(printf '%s ' "${rss_fd[@]}")MiB"
r3=$(ratio "$m_cpu_native" "$m_cpu_fd")
row N3 "CPU time (user + sys) per probe request: native vs framework-dependent" "$r3× ($m_cpu_native µs vs $m_cpu_fd µs)" "≤ 0.3×" "$(verdict "$r3" '<=' 0.3)" \
  "whole process, start-up included, divided by the probe's $requests requests; median of $runs runs: native $(printf '%s ' "${cpu_native[@]}")/ framework-dependent $(printf '%s ' "${cpu_fd[@]}")µs"

# ---------------------------------------------------------------- N4: a plain sequential script
# The requests the probe makes (its debug log lists each one), replayed one at a time by curl in a shell loop that
# checks nothing but the status: what an operator's cron script would do.
"$native" probe --registry "$url" --log-level Debug > /dev/null 2> "$run_dir/requests.log" || true
grep -oE '(GET|HEAD) /v2/[^ ]* -> [0-9]+' "$run_dir/requests.log" | awk '{ print $1, $2 }' > "$run_dir/requests.txt"
listed=$(wc -l < "$run_dir/requests.txt")
[ "$listed" -gt 0 ] || { echo "no requests in the probe's debug log" >&2; exit 1; }
accept="Accept: application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.docker.distribution.manifest.v2+json"
cat > "$run_dir/sequential.sh" <<'EOF'
#!/usr/bin/env bash
# One request at a time, status only.
base=$1 accept=$2 bad=0
while read -r method path; do
  if [ "$method" = HEAD ]; then head=(--head); else head=(); fi
  code=$(curl -s -o /dev/null -w '%{http_code}' "${head[@]}" -H "$accept" "$base$path")
  [ "$code" = 200 ] || bad=$((bad + 1))
done
echo "$bad"
EOF
# The same requests from one curl process over one keep-alive connection: the cheapest client there is.
awk -v base="$url" -v accept="$accept" '{ printf "%surl = \"%s%s\"\noutput = \"/dev/null\"\nheader = \"%s\"\n%s", (NR > 1 ? "next\n" : ""), base, $2, accept, ($1 == "HEAD" ? "head\n" : "") }' \
  "$run_dir/requests.txt" > "$run_dir/curl.config"
declare -a cpu_script=() cpu_curl=()
for i in $(seq 1 "$runs"); do
  log "sequential script run $i/$runs ($listed requests)"
  bad=$(/usr/bin/time -f '%U %S' -o "$run_dir/script-$i.time" bash "$run_dir/sequential.sh" "$url" "$accept" < "$run_dir/requests.txt")
  [ "$bad" = 0 ] || { echo "the sequential script saw $bad answers other than 200" >&2; exit 1; }
  cpu_script+=("$(awk -v n="$listed" '{ printf "%.0f", ($1 + $2) * 1000000 / n }' "$run_dir/script-$i.time")")
  /usr/bin/time -f '%U %S' -o "$run_dir/curl-$i.time" curl -s -K "$run_dir/curl.config"
  cpu_curl+=("$(awk -v n="$listed" '{ printf "%.0f", ($1 + $2) * 1000000 / n }' "$run_dir/curl-$i.time")")
done
m_cpu_script=$(printf '%s\n' "${cpu_script[@]}" | median)
m_cpu_curl=$(printf '%s\n' "${cpu_curl[@]}" | median)
r4=$(ratio "$m_cpu_native" "$m_cpu_script")
row N4 "CPU time per request: native probe vs a plain sequential script (curl in a shell loop, status only)" "$r4× ($m_cpu_native µs vs $m_cpu_script µs)" "≤ 1×" "$(verdict "$r4" '<=' 1)" \
  "the script replays the probe's $listed requests (from its debug log), same Accept header, one curl process each; runs: $(printf '%s ' "${cpu_script[@]}")µs. One curl process over one keep-alive connection for all of them (no shell, no checks): $m_cpu_curl µs per request, i.e. the native probe costs $(ratio "$m_cpu_native" "$m_cpu_curl")× that while it also hashes every manifest, parses it and walks the graph"

# ---------------------------------------------------------------- the section
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
section=$(
  echo "$native_begin"
  echo "## Native executable vs framework-dependent build"
  echo
  echo "Generated by \`$invocation\` (size $size) on $started (UTC), both builds side by side in this one run, median of"
  echo "$runs runs unless stated. Native: \`$(basename "$native")\` $version, Native AOT (\`scripts/publish-native.sh\`, as the release"
  echo "ships it); framework-dependent: $fd_note. Load average at start $load_start, at end $load_end ($(nproc) cores)."
  echo
  echo "| # | comparison | measured | target | result |"
  echo "|---|---|---|---|---|"
  sort -t$'\t' -k1,1 "$results" | awk -F'\t' '{ printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5 }'
  echo
  sort -t$'\t' -k1,1 "$results" | awk -F'\t' '$6 != "" { printf "- %s: %s\n", $1, $6 }'
  echo
  echo "Registry: generated by \`registryguard-bench storage\` ($(jq -r '.result | "\(.repositories) repositories, \(.tags) tags, \(.manifests) manifests, \(.blobs) blobs"' "$data/stats.json"); every tag a two-platform OCI index with attestation children), served by Debian's docker-registry on loopback."
  echo "Reproduce: \`bench/native.sh\` (add \`--native dist/…/registryguard\` to measure a built executable)."
  echo
  cat bench/NATIVE-PROFILE.md
  echo "$native_end"
)
echo "$section" > "$run_dir/section.md"
if [ -n "$(native_section_of "$output")" ]; then
  awk -v b="$native_begin" -v e="$native_end" -v file="$run_dir/section.md" '
    $0 == b { while ((getline line < file) > 0) print line; skip = 1; next }
    $0 == e { skip = 0; next }
    !skip { print }' "$output" > "$run_dir/benchmarks.md"
  mv "$run_dir/benchmarks.md" "$output"
else
  { if [ -s "$output" ]; then echo; fi; cat "$run_dir/section.md"; } >> "$output"
fi
log "wrote the native section of $output"
echo "$section"
