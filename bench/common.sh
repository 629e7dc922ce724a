# Helpers shared by bench/run.sh, bench/native.sh and bench/signatures.sh (sourced after their options are read; they set tool later).

# The run's directories: work (made absolute), run_dir under it, an empty results table; then the tools.
start_run() { # prefix
  mkdir -p "$work" "$(dirname "$output")"
  work=$(cd "$work" && pwd)
  run_dir="$work/$1-$$"
  mkdir -p "$run_dir"
  results="$run_dir/results.tsv"
  : > "$results"
  install_bench_tools
}

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# The real tools the benchmarks drive, installed when missing (hyperfine is optional: a shell loop replaces it).
install_bench_tools() {
  local need=()
  command -v docker-registry >/dev/null || need+=(docker-registry)
  command -v ab >/dev/null || need+=(apache2-utils)
  [ -x /usr/bin/time ] || need+=(time)
  command -v jq >/dev/null || need+=(jq)
  command -v ip >/dev/null || need+=(iproute2)
  command -v curl >/dev/null || need+=(curl)
  if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]}"
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
  fi
  command -v hyperfine >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >&2 2>/dev/null || true; }
}

publish() { # project output [extra msbuild properties...]
  local project=$1 out=$2; shift 2
  dotnet publish "$project" -c Release -r linux-x64 --self-contained false -o "$out" --nologo -v q \
    -p:UseAppHost=true "$@" >"$run_dir/publish-$(basename "$out").log" 2>&1 \
    || { cat "$run_dir/publish-$(basename "$out").log" >&2; return 1; }
}

# The start-up floor: the smallest console app, ReadyToRun. Sets hello (the executable) and hello_note.
publish_hello() { # output
  log "publishing the hello-world start-up floor (ReadyToRun)"
  if publish bench/HelloWorld "$1" -p:PublishReadyToRun=true; then hello_note="ReadyToRun"; else publish bench/HelloWorld "$1"; hello_note="not ReadyToRun"; fi
  hello="$1/hello"
}

# The section bench/native.sh writes into docs/benchmarks.md, between these markers; bench/run.sh keeps it.
native_begin='<!-- native-bench:begin: written by bench/native.sh, kept by bench/run.sh -->'
native_end='<!-- native-bench:end -->'
native_section_of() { # file -> the section, markers included (nothing when absent)
  [ -f "$1" ] && awk -v b="$native_begin" -v e="$native_end" '$0 == b { inside = 1 } inside { print } $0 == e { inside = 0 }' "$1"
  return 0
}

median() { sort -g | awk '{a[NR]=$1} END { if (NR == 0) print "nan"; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "nan"; else printf "%.2f", a / b }'; }
verdict() { # value op target
  awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN { if (v == "nan") print "n/a"; else if ((op == ">=" && v + 0 >= t + 0) || (op == "<=" && v + 0 <= t + 0)) print "pass"; else print "FAIL" }'
}
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$results"; } # id comparison measured target verdict detail
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }'; }
# A port just below the kernel's ephemeral range: one inside it can be taken as the source port of an outgoing
# connection between this check and the server binding it.
free_port() {
  local port low
  low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  [ "$low" -gt 12000 ] 2>/dev/null || low=32768
  while :; do
    port=$((low - 1 - RANDOM % 10000))
    # grep without -q: an early exit would SIGPIPE awk and, under pipefail, read as "port free".
    ss -ltn 2>/dev/null | awk '{print $4}' | grep ":$port\$" > /dev/null || { echo "$port"; return; }
  done
}
registry_config() { # storage addr file
  cat > "$3" <<EOF
version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $1
  delete:
    enabled: true
  maintenance:
    uploadpurging:
      enabled: false
http:
  addr: $2
EOF
}
wait_for() { # url [pid log]: up to 60 s (a loaded CI machine once needed more than 20); says why when the registry exited
  for _ in $(seq 1 600); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    if [ -n "${2:-}" ] && ! kill -0 "$2" 2>/dev/null; then
      echo "registry at $1 exited before it answered; the end of its log ($3):" >&2; tail -n 20 "$3" >&2; return 1
    fi
    sleep 0.1
  done
  echo "registry at $1 did not come up in 60 s" >&2; return 1
}
generate() { # kind R T G -> prints the storage root; generates once per shape
  local dir="$work/data/$1-$2x$3g$4"
  if [ ! -f "$dir/stats.json" ]; then
    rm -rf "$dir"; mkdir -p "$dir"
    log "generating $1 storage: $2 repositories x $3 tags, $4 content groups"
    "${tool[@]}" storage --root "$dir/storage" --repositories "$2" --tags "$3" --groups "$4" > "$dir/stats.tmp"
    mv "$dir/stats.tmp" "$dir/stats.json"
  fi
  echo "$dir"
}
