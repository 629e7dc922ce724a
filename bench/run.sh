#!/usr/bin/env bash
# RegistryGuard benchmark harness: builds, prepares data, runs every side-by-side comparison of issue 7
# (median of several runs each) and writes the table to docs/benchmarks.md.
#
#   bench/run.sh [--size tiny|default] [--output FILE] [--work DIR] [--runs N] [--concurrency N]
#                [--scan-cache warm|cold] [--prebuilt DIR]
#
# --size tiny      a smoke run (CI): every row runs on a few hundred objects; ratios are not meaningful.
# --work DIR       where data and builds go (default /var/tmp/registryguard-bench; data is reused per shape).
# --prebuilt DIR   use DIR/registryguard.dll and DIR/registryguard-bench.dll instead of publishing (CI smoke test).
# --scan-cache     warm (default): every scan contender runs on a warm page cache after one warm-up pass;
#                  cold: drop the page cache before every run (needs root and a writable /proc/sys/vm/drop_caches).
#
# Only loopback addresses and 10.213.0.0/30 inside a network namespace this script creates are ever contacted.
set -euo pipefail
invocation="bench/run.sh $*"
cd "$(dirname "$0")/.."
repo=$(pwd)

size=default output="$repo/docs/benchmarks.md" work=/var/tmp/registryguard-bench runs=3 concurrency=16
scan_cache=warm prebuilt="" scan_runs=""
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size=$2; shift 2 ;;
    --output) output=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --scan-cache) scan_cache=$2; shift 2 ;;
    --scan-runs) scan_runs=$2; shift 2 ;;
    --prebuilt) prebuilt=$2; shift 2 ;;
    *) echo "usage: bench/run.sh [--size tiny|default] [--output FILE] [--work DIR] [--runs N] [--concurrency N] [--scan-cache warm|cold] [--prebuilt DIR]" >&2; exit 2 ;;
  esac
done

case "$size" in
  # probe registry: R repositories x T tags, every repository distinct; scan tree: R x T over G content groups.
  # *_shard K: that comparison probes shard 1/K of the registry, so repeated runs stay short.
  tiny)    probe_shape=(6 2 6);      scan_shape=(20 2 3);     ab_requests=300;   tp_shard=1; seq_shard=1; net_shard=1; startup_runs=5 ;;
  default) probe_shape=(400 20 400); scan_shape=(3300 20 50); ab_requests=20000; tp_shard=4; seq_shard=8; net_shard=16; startup_runs=30 ;;
  *) echo "--size must be tiny or default" >&2; exit 2 ;;
esac

scan_runs=${scan_runs:-$runs}
# shellcheck source=bench/common.sh
source bench/common.sh
start_run run

# ---------------------------------------------------------------- machine, at start
cpu_model=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
memory=$(awk '/^MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)

# ---------------------------------------------------------------- build
pids=()
netns="" veth_host=""
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$netns" ]; then ip netns del "$netns" 2>/dev/null || true; fi
  if [ -n "$veth_host" ]; then ip link del "$veth_host" 2>/dev/null || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

bin="$work/bin"
if [ -n "$prebuilt" ]; then
  cli=(dotnet "$prebuilt/registryguard.dll")
  tool=(dotnet "$prebuilt/registryguard-bench.dll")
  build_note="framework-dependent build from $prebuilt (not ReadyToRun)"
else
  log "publishing the CLI (Release, ReadyToRun, linux-x64)"
  if publish src/RegistryGuard.Cli "$bin/cli" -p:PublishReadyToRun=true; then
    build_note="Release, ReadyToRun publish for linux-x64 (framework-dependent)"
  else
    publish src/RegistryGuard.Cli "$bin/cli"
    build_note="Release publish for linux-x64, NOT ReadyToRun (the crossgen pack did not restore)"
  fi
  publish bench/RegistryGuard.Bench "$bin/bench"
  cli=("$bin/cli/registryguard")
  tool=("$bin/bench/registryguard-bench")
fi
publish_hello "$bin/hello"
version=$("${cli[@]}" --version)

probe() { # url concurrency shard json-out [time-out]
  local cmd=("${cli[@]}" probe --registry "$1" --concurrency "$2" --output json)
  [ "$3" != 1 ] && cmd+=(--shard "1/$3")
  if [ -n "${5:-}" ]; then /usr/bin/time -v -o "$5" "${cmd[@]}" > "$4" || true; else "${cmd[@]}" > "$4" || true; fi
  [ "$(jq -r .summary.exit_code "$4")" = 0 ] || { echo "probe of $1 was not clean:" >&2; head -c 2000 "$4" >&2; return 1; }
}

# ---------------------------------------------------------------- data
probe_data=$(generate probe "${probe_shape[@]}")
probe_stats="$probe_data/stats.json"
port=$(free_port)
registry_config "$probe_data/storage" "127.0.0.1:$port" "$run_dir/registry.yml"
docker-registry serve "$run_dir/registry.yml" > "$run_dir/registry.log" 2>&1 &
registry_pid=$!
pids+=("$registry_pid")
url="http://127.0.0.1:$port"
wait_for "$url/v2/" "$registry_pid" "$run_dir/registry.log"

# ---------------------------------------------------------------- 1 + 4: probe throughput vs ab, peak memory
log "verifying the generated registry with one whole probe (also the peak-memory measurement)"
probe "$url" "$concurrency" 1 "$run_dir/verify.json" "$run_dir/verify.time"
all_requests=$(jq .summary.requests "$run_dir/verify.json")
objects=$(jq '.summary.manifests + .summary.blobs' "$run_dir/verify.json")
expected_objects=$(jq '.result.manifests + .result.blobs' "$probe_stats")
[ "$objects" = "$expected_objects" ] || { echo "probe saw $objects objects, the generator wrote $expected_objects" >&2; exit 1; }

repo0=bench/team00/app00000
# A glob, not `ls | head -1`: under pipefail, ls dying of SIGPIPE once head has its line ends the whole run.
layer_links=("$probe_data/storage/docker/registry/v2/repositories/$repo0/_layers/sha256"/*)
blob=$(basename "${layer_links[0]}")
blob_url="$url/v2/$repo0/blobs/sha256:$blob"
# CPU seconds a process has used so far (user + system), from /proc.
clk_tck=$(getconf CLK_TCK)
proc_cpu() { awk -v hz="$clk_tck" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }
per_request_us() { awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN { printf "%.0f", (b - a) * 1000000 / n }'; }
ab_rates=() probe_rates=() reg_ab=() reg_probe=() self_ab=() self_probe=()
for i in $(seq 1 "$runs"); do
  log "throughput run $i/$runs: ab -i -k -c $concurrency -n $ab_requests, then the probe"
  before=$(proc_cpu "$registry_pid")
  /usr/bin/time -f '%U %S' -o "$run_dir/ab-$i.time" ab -i -k -q -c "$concurrency" -n "$ab_requests" "$blob_url" > "$run_dir/ab-$i.txt" 2>&1
  reg_ab+=("$(per_request_us "$before" "$(proc_cpu "$registry_pid")" "$ab_requests")")
  self_ab+=("$(awk -v n="$ab_requests" '{ printf "%.0f", ($1 + $2) * 1000000 / n }' "$run_dir/ab-$i.time")")
  grep -q '^Non-2xx responses' "$run_dir/ab-$i.txt" && { echo "ab saw non-2xx answers" >&2; exit 1; }
  ab_rates+=("$(awk '/^Requests per second/ {print $4}' "$run_dir/ab-$i.txt")")
  before=$(proc_cpu "$registry_pid")
  probe "$url" "$concurrency" "$tp_shard" "$run_dir/probe-$i.json" "$run_dir/probe-$i.time"
  requests=$(jq .summary.requests "$run_dir/probe-$i.json")
  reg_probe+=("$(per_request_us "$before" "$(proc_cpu "$registry_pid")" "$requests")")
  self_probe+=("$(awk -F': ' -v n="$requests" '/User time|System time/ { t += $2 } END { printf "%.0f", t * 1000000 / n }' "$run_dir/probe-$i.time")")
  probe_rates+=("$(jq '.summary.requests / .summary.duration_seconds' "$run_dir/probe-$i.json")")
done
cpu_note="CPU per request (median): registry $(printf '%s\n' "${reg_probe[@]}" | median) µs serving the probe vs $(printf '%s\n' "${reg_ab[@]}" | median) µs serving ab; the probe itself $(printf '%s\n' "${self_probe[@]}" | median) µs (whole process, start-up and JIT included) vs ab $(printf '%s\n' "${self_ab[@]}" | median) µs; $(nproc) cores shared by both sides"
ab_rate=$(printf '%s\n' "${ab_rates[@]}" | median)
probe_rate=$(printf '%s\n' "${probe_rates[@]}" | median)
r1=$(ratio "$probe_rate" "$ab_rate")
row 1 "probe requests/s vs \`ab -i -k -c $concurrency\` HEAD of one blob (registry's capacity)" "$r1× ($(printf '%.0f' "$probe_rate") vs $(printf '%.0f' "$ab_rate") req/s)" "≥ 0.8×" "$(verdict "$r1" '>=' 0.8)" \
  "probe: shard 1/$tp_shard, $requests requests (manifest GETs and blob HEADs); ab: one blob HEAD repeated; runs: probe $(printf '%.0f ' "${probe_rates[@]}")/ ab $(printf '%.0f ' "${ab_rates[@]}")req/s. $cpu_note"

rss_kib=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$run_dir/verify.time")
rss_mb=$(awk -v k="$rss_kib" 'BEGIN { printf "%.1f", k / 1024 }') # MiB, as time -v counts KiB
distinct=$(jq .result.distinct_digests "$probe_stats")
if [ "$objects" -ge 100000 ]; then v4=$(verdict "$rss_mb" '<=' 150); else v4="n/a (only $objects objects at size $size)"; fi
row 4 "peak memory of a probe over $objects (repository, digest) objects ($distinct distinct digests)" "$rss_mb MiB ($(awk -v k="$rss_kib" 'BEGIN { printf "%.1f", k * 1.024 / 1000 }') MB)" "≤ 150 MB (≥ 100,000 digests)" "$v4" \
  "maximum resident set size from /usr/bin/time -v of the whole probe ($all_requests requests, $(jq .summary.duration_seconds "$run_dir/verify.json") s): $rss_kib KiB"

# ---------------------------------------------------------------- 2a: concurrent vs sequential on loopback
seq_compare() { # url shard label id
  local conc=() seq=() i
  for i in $(seq 1 "$runs"); do
    log "$3 run $i/$runs: probe -c $concurrency vs -c 1 (shard 1/$2)"
    probe "$1" "$concurrency" "$2" "$run_dir/$4-conc-$i.json"
    probe "$1" 1 "$2" "$run_dir/$4-seq-$i.json"
    conc+=("$(jq .summary.duration_seconds "$run_dir/$4-conc-$i.json")")
    seq+=("$(jq .summary.duration_seconds "$run_dir/$4-seq-$i.json")")
  done
  local c s
  c=$(printf '%s\n' "${conc[@]}" | median)
  s=$(printf '%s\n' "${seq[@]}" | median)
  echo "$(ratio "$s" "$c") $c $s $(jq .summary.requests "$run_dir/$4-conc-1.json")"
}
loop_out=$(seq_compare "$url" "$seq_shard" "loopback" loop)
read -r r2a c2a s2a n2a <<< "$loop_out"
row 2a "probe -c $concurrency vs sequential probe (-c 1: one request at a time, one keep-alive connection), loopback" "$r2a× faster (${c2a}s vs ${s2a}s)" "≥ 2×" "$(verdict "$r2a" '>=' 2)" \
  "shard 1/$seq_shard: $n2a requests per run"

kill "$registry_pid" 2>/dev/null || true
wait "$registry_pid" 2>/dev/null || true

# ---------------------------------------------------------------- 2b: the same across a simulated network
net_note="" delay_kind=""
setup_netns() {
  netns="rgbench$$"
  ip netns add "$netns" || { netns=""; net_note="cannot create a network namespace (ip netns add failed)"; return 1; }
  veth_host="rgbh$$"
  ip link add "$veth_host" type veth peer name "rgbn$$" || { veth_host=""; net_note="cannot create a veth pair"; return 1; }
  ip link set "rgbn$$" netns "$netns"
  ip addr add 10.213.0.2/30 dev "$veth_host"
  ip link set "$veth_host" up
  ip netns exec "$netns" ip addr add 10.213.0.1/30 dev "rgbn$$"
  ip netns exec "$netns" ip link set "rgbn$$" up
  ip netns exec "$netns" ip link set lo up
  if tc qdisc add dev "$veth_host" root netem delay 2ms 2>/dev/null \
    && ip netns exec "$netns" tc qdisc add dev "rgbn$$" root netem delay 2ms 2>/dev/null; then
    delay_kind="tc netem delay 2ms on both veth ends"
    registry_config "$probe_data/storage" "10.213.0.1:5000" "$run_dir/registry-netns.yml"
    ip netns exec "$netns" docker-registry serve "$run_dir/registry-netns.yml" > "$run_dir/registry-netns.log" 2>&1 &
    pids+=($!)
  else
    # This kernel has no sch_netem (tc: "Specified qdisc kind is unknown"): the registry listens on the namespace's
    # loopback and a userspace delay line in the namespace holds every chunk 2 ms in each direction.
    delay_kind="a userspace TCP delay line in the namespace, 2 ms each way (this kernel has no sch_netem, tc netem fails)"
    registry_config "$probe_data/storage" "127.0.0.1:5000" "$run_dir/registry-netns.yml"
    ip netns exec "$netns" docker-registry serve "$run_dir/registry-netns.yml" > "$run_dir/registry-netns.log" 2>&1 &
    pids+=($!)
    ip netns exec "$netns" "${tool[@]}" delay-line --listen 10.213.0.1:5000 --upstream 127.0.0.1:5000 --delay-ms 2 > "$run_dir/delay-line.log" 2>&1 &
    pids+=($!)
  fi
}
if [ "$(id -u)" -ne 0 ]; then
  net_note="needs root for ip netns"
elif setup_netns; then
  wait_for "http://10.213.0.1:5000/v2/"
  net_out=$(seq_compare "http://10.213.0.1:5000" "$net_shard" "netem" net)
  read -r r2b c2b s2b n2b <<< "$net_out"
  ab -i -k -q -c "$concurrency" -n "$ab_requests" "http://10.213.0.1:5000/v2/$repo0/blobs/sha256:$blob" > "$run_dir/ab-net.txt" 2>&1 || true
  ab_net=$(awk '/^Requests per second/ {printf "%.0f", $4}' "$run_dir/ab-net.txt")
  per_loop=$(awk -v s="$s2a" -v n="$n2a" 'BEGIN { printf "%.2f", s * 1000 / n }')
  per_net=$(awk -v s="$s2b" -v n="$n2b" 'BEGIN { printf "%.2f", s * 1000 / n }')
  row 2b "probe -c $concurrency vs sequential probe, registry in its own network namespace behind a veth pair, 2 ms added each way" "$r2b× faster (${c2b}s vs ${s2b}s)" "≥ 8×" "$(verdict "$r2b" '>=' 8)" \
    "delay: $delay_kind; shard 1/$net_shard: $n2b requests per run; sequential time per request: $per_net ms across the link vs $per_loop ms on loopback; ab -c $concurrency over the same link: ${ab_net:-?} req/s (probe -c $concurrency: $(awk -v c="$c2b" -v n="$n2b" 'BEGIN { printf "%.0f", n / c }') req/s)"
fi
[ -n "$net_note" ] && row 2b "probe vs sequential probe across a simulated network (netns, 2 ms each way)" "not run: $net_note" "≥ 8×" "not run" ""
cleanup; pids=(); netns=""; veth_host=""

# ---------------------------------------------------------------- 3: scan
scan_data=$(generate scan "${scan_shape[@]}")
scan_root="$scan_data/storage"
links=$(jq .result.link_files "$scan_data/stats.json")
if grep -qE '^ +scan( |$)' <<< "$("${cli[@]}" --help 2>/dev/null)"; then
  if [ "$scan_cache" = cold ] && ! { sync && echo 3 > /proc/sys/vm/drop_caches; } 2>/dev/null; then
    scan_cache="warm (cold requested, but /proc/sys/vm/drop_caches is not writable)"
  fi
  prepare_cache() { if [ "$scan_cache" = cold ]; then sync; echo 3 > /proc/sys/vm/drop_caches; fi; }
  timed() { prepare_cache; local t; t=$(now); "$@" > /dev/null; elapsed "$t"; }
  floor() { find "$scan_root" -name link -type f -print0 | xargs -0 cat > /dev/null; }
  scan_parallel() { "${cli[@]}" scan --root "$scan_root" --output json > "$run_dir/scan.json" || [ $? -eq 1 ]; }
  scan_single() { "${cli[@]}" scan --root "$scan_root" --concurrency 1 --output json > "$run_dir/scan-1.json" || [ $? -eq 1 ]; }
  # One pass of the floor reads every directory and link file the scan reads (blob data aside: a few thousand files).
  if [ "$scan_cache" != cold ]; then log "warming the page cache"; floor; fi
  t_scan=() t_floor=() t_single=()
  for i in $(seq 1 "$scan_runs"); do
    log "scan run $i/$scan_runs ($links link files, $scan_cache cache)"
    t_floor+=("$(timed floor)")
    t_scan+=("$(timed scan_parallel)")
    t_single+=("$(timed scan_single)")
  done
  m_scan=$(printf '%s\n' "${t_scan[@]}" | median)
  m_floor=$(printf '%s\n' "${t_floor[@]}" | median)
  m_single=$(printf '%s\n' "${t_single[@]}" | median)
  r3a=$(ratio "$m_scan" "$m_floor")
  r3b=$(ratio "$m_single" "$m_scan")
  findings=$(jq '.summary.failures' "$run_dir/scan.json" 2>/dev/null || echo '?')
  row 3a "scan vs \`find ROOT -name link -type f -print0 | xargs -0 cat\` ($links link files, $scan_cache cache)" "$r3a× (${m_scan}s vs ${m_floor}s)" "≤ 1.3×" "$(verdict "$r3a" '<=' 1.3)" \
    "scan failures reported: $findings (the tree is clean); whole-process wall time; median of $scan_runs run(s): scan $(printf '%s ' "${t_scan[@]}")/ find $(printf '%s ' "${t_floor[@]}")s"
  row 3b "scan (default concurrency) vs the same scan with --concurrency 1 (single-threaded walk)" "$r3b× faster (${m_scan}s vs ${m_single}s)" "≥ 3×" "$(verdict "$r3b" '>=' 3)" \
    "$(nproc) cores; $scan_cache cache; runs: --concurrency 1 $(printf '%s ' "${t_single[@]}")s"
else
  row 3a "scan vs \`find ROOT -name link -type f -print0 | xargs -0 cat\` ($links link files)" "pending: scan not merged" "≤ 1.3×" "pending" "bench/run.sh runs it as soon as \`registryguard scan\` exists"
  row 3b "scan vs a single-threaded walk (scan --concurrency 1)" "pending: scan not merged" "≥ 3×" "pending" ""
fi

# ---------------------------------------------------------------- 5: start-up
if command -v hyperfine > /dev/null; then
  hyperfine -N --warmup 3 --runs "$startup_runs" --export-json "$run_dir/startup.json" "${cli[*]} --version" "$hello" > "$run_dir/startup.txt" 2>&1
  t_cli=$(jq '.results[0].median' "$run_dir/startup.json")
  t_hello=$(jq '.results[1].median' "$run_dir/startup.json")
  how="hyperfine -N, median of $startup_runs runs after 3 warm-ups"
else
  t_cli_runs=() t_hello_runs=()
  for _ in 1 2 3; do "${cli[@]}" --version > /dev/null; "$hello" > /dev/null; done
  for _ in $(seq 1 "$startup_runs"); do
    t=$(now); "${cli[@]}" --version > /dev/null; t_cli_runs+=("$(elapsed "$t")")
    t=$(now); "$hello" > /dev/null; t_hello_runs+=("$(elapsed "$t")")
  done
  t_cli=$(printf '%s\n' "${t_cli_runs[@]}" | median)
  t_hello=$(printf '%s\n' "${t_hello_runs[@]}" | median)
  how="shell loop, median of $startup_runs runs after 3 warm-ups (hyperfine not installed)"
fi
r5=$(ratio "$t_cli" "$t_hello")
row 5 "start-up: \`registryguard --version\` vs a hello-world console app ($hello_note)" "$r5× ($(awk -v t="$t_cli" 'BEGIN{printf "%.0f", t*1000}') ms vs $(awk -v t="$t_hello" 'BEGIN{printf "%.0f", t*1000}') ms)" "≤ 3×" "$(verdict "$r5" '<=' 3)" "$how"

# ---------------------------------------------------------------- the table
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
native_section=$(native_section_of "$output")
{
  echo "# Benchmarks"
  echo
  echo "Generated by \`$invocation\` (size $size) on $started (UTC). Every figure is a ratio measured side by side in"
  echo "this one run on this machine, median of $runs runs unless stated; absolute times on a shared machine are noisy."
  echo
  echo "| # | comparison | measured | target | result |"
  echo "|---|---|---|---|---|"
  sort -t$'\t' -k1,1 "$results" | awk -F'\t' '{ printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5 }'
  echo
  echo "Details per row:"
  echo
  sort -t$'\t' -k1,1 "$results" | awk -F'\t' '$6 != "" { printf "- %s: %s\n", $1, $6 }'
  echo
  echo "## Machine"
  echo
  echo "- $(nproc) cores: $cpu_model; $memory memory; $(uname -sr)"
  echo "- load average (1, 5, 15 min) at start: $load_start; at end: $load_end."
  echo "  The machine is shared: other processes (builds, test suites) may have run during the measurement."
  echo "- registryguard $version: $build_note; .NET $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ {v=$2} END {print v}')"
  echo "- registry: Debian docker-registry $(dpkg-query -W -f='${Version}' docker-registry 2>/dev/null || echo '?'), filesystem storage, no blob descriptor cache"
  echo
  echo "## Data"
  echo
  echo "- probe registry (generated by \`registryguard-bench storage\`, served by a real docker-registry):"
  echo "  $(jq -r '.result | "\(.repositories) repositories, \(.tags) tags, \(.manifests) manifests and \(.blobs) blobs as the probe counts them, \(.distinct_digests) distinct digests, \(.link_files) link files"' "$probe_stats")."
  echo "  Every tag is a two-platform OCI index with attestation children; base layers shared across repositories,"
  echo "  a runtime layer shared across a repository's tags."
  echo "- scan tree: $(jq -r '.result | "\(.repositories) repositories, \(.tags) tags, \(.link_files) link files, \(.distinct_digests) blobs"' "$scan_data/stats.json") (repositories share content in groups)."
  echo
  echo "## Reproduce"
  echo
  echo '```'
  echo "$invocation    # builds, generates the data under $work/data once, writes this file"
  echo '```'
  echo
  echo "Options: \`--runs N\`, \`--scan-runs N\` (default: --runs), \`--concurrency N\` (probe and ab, default 16), \`--scan-cache cold\` (drop the page cache"
  echo "before every scan run), \`--output FILE\`, \`--work DIR\`. The sequential probe is \`registryguard probe --concurrency 1\`:"
  echo "one worker and a one-request limiter over a one-connection pool, i.e. one request at a time over one keep-alive"
  echo "connection, with exactly the checks of the concurrent probe. Rows 2a/2b run on a shard (\`--shard 1/K\`) of the"
  echo "probe registry so the sequential runs stay short; both sides probe the same shard."
  echo
  # Measured by bench/signatures.sh on its own (a separate registry of signed images); kept as last measured.
  if [ -f bench/SIGNATURES.md ]; then cat bench/SIGNATURES.md; echo; fi
  cat bench/PROFILE.md
  if [ -n "$native_section" ]; then echo; echo "$native_section"; fi
} > "$output"
log "wrote $output"
cat "$output"
