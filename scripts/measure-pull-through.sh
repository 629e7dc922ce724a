#!/usr/bin/env bash
# Measures which requests make a distribution (docker-registry) pull-through cache fetch from its upstream and/or
# store content: an upstream registry and a cache (proxy: remoteurl: upstream) on loopback, a multi-arch index pushed
# to the upstream with skopeo, ONE platform pulled through the cache, then one request at a time with the cache's
# file tree hashed (path, type, size, mtime, sha256) before and after, and the upstream's access log read.
# Prints a markdown table (docs/pull-through.md holds the one measured on 2.8.2). Needs docker-registry, skopeo,
# curl, jq, python3 and the .NET SDK (the demo registry supplies the images).
set -euo pipefail

ROOT=$(mktemp -d /tmp/pull-through-measure.XXXXXX)
PIDS=()
DEMO_GROUP=
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$DEMO_GROUP" ]; then kill -- "-$DEMO_GROUP" 2>/dev/null || true; fi # the demo and the registry it started
  wait 2>/dev/null || true
  rm -rf "$ROOT"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

start_registry() { # name port [extra yaml]
  local name=$1 port=$2 extra=${3:-}
  mkdir -p "$ROOT/$name/storage"
  cat > "$ROOT/$name/config.yml" <<YML
version: 0.1
log:
  level: info
storage:
  filesystem:
    rootdirectory: $ROOT/$name/storage
  maintenance:
    uploadpurging:
      enabled: false
http:
  addr: 127.0.0.1:$port
$extra
YML
  docker-registry serve "$ROOT/$name/config.yml" >>"$ROOT/$name/registry.log" 2>&1 &
  PIDS+=($!); echo $! > "$ROOT/$name/pid"
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/v2/" >/dev/null && return 0; sleep 0.2; done
  echo "docker-registry $name did not start; see $ROOT/$name/registry.log" >&2; return 1
}

stop_registry() { kill "$(cat "$ROOT/$1/pid")"; sleep 1; }

snapshot() { # one line per entry: path type size mtime sha256
  (cd "$ROOT/cache/storage" && find . -mindepth 1 -printf '%P\t%y\t%s\t%T@\n' | sort | while IFS=$'\t' read -r p y s t; do
     if [ "$y" = f ]; then h=$(sha256sum "$p" | cut -c1-16); else h=-; fi; printf '%s\t%s\t%s\t%s\t%s\n' "$p" "$y" "$s" "$t" "$h"; done)
}

changes() { # files added, removed, rewritten (content) or touched (mtime only) between two snapshots
  python3 - "$1" "$2" <<'PY'
import sys
def load(p):
    return {l.split('\t')[0]: l.rstrip('\n').split('\t')[1:] for l in open(p)}
a, b = load(sys.argv[1]), load(sys.argv[2])
out = []
for p in sorted(set(a) | set(b)):
    short = p.replace('docker/registry/v2/', '').split('/')
    name = '/'.join(short[-3:]) if len(short) > 3 else '/'.join(short)
    if p not in a and b[p][0] == 'f': out.append('+' + name)
    elif p not in b and a[p][0] == 'f': out.append('-' + name)
    elif p in a and p in b and a[p][0] == 'f' and a[p] != b[p]:
        out.append(('~' if a[p][3] != b[p][3] else 'touched ') + name)
print('; '.join(out) if out else 'none')
PY
}

MT='Accept: application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.docker.distribution.manifest.v2+json'
UP_LINES=0
row() { # description, curl arguments...
  local what=$1; shift
  snapshot > "$ROOT/before"; UP_LINES=$(wc -l < "$ROOT/upstream/registry.log")
  local status; status=$(curl -s -o "$ROOT/body" -w '%{http_code}' "$@")
  sleep 6 # the proxy's TTL scheduler writes scheduler-state.json at most every 5 s; blobs are stored by a goroutine
  snapshot > "$ROOT/after"
  local upstream; upstream=$(tail -n +$((UP_LINES + 1)) "$ROOT/upstream/registry.log" | grep -o '"\(GET\|HEAD\) /v2/[^ ]*' | grep -v '"GET /v2/$' \
    | sed -e 's/"//' -e 's/sha256:\([0-9a-f]\{8\}\)[0-9a-f]*/sha256:\1…/' | paste -sd, - || true)
  local body=; [ "$status" -ge 400 ] && body=$(head -c 160 "$ROOT/body" | tr -d '\n\0' | sed 's/|/\\|/g')
  printf '| %s | %s | %s | %s | %s |\n' "$what" "$status" "${upstream:-none}" "$(changes "$ROOT/before" "$ROOT/after")" "${body:+\`$body\`}"
}

# Images: the demo registry (real OCI images built in memory) is the source; skopeo pushes them to the upstream.
cd "$(dirname "$0")/.."
dotnet build src/RegistryGuard.Cli -c Release --nologo -v q >/dev/null
setsid dotnet src/RegistryGuard.Cli/bin/Release/net10.0/registryguard.dll demo --keep > "$ROOT/demo.out" 2>&1 &
DEMO_GROUP=$!
for _ in $(seq 300); do grep -q "left running at" "$ROOT/demo.out" 2>/dev/null && break; sleep 1; done
SOURCE=$(grep -o 'left running at http://[0-9.:]*' "$ROOT/demo.out" | sed 's#.*http://##')

UP=$(free_port); start_registry upstream "$UP"
CP=$(free_port); start_registry cache "$CP" "proxy:
  remoteurl: http://127.0.0.1:$UP"
C=http://127.0.0.1:$CP
for ref in demo/app:1.1 demo/tools:stable team/api/server:2026.04; do
  skopeo copy --all --quiet --src-tls-verify=false --dest-tls-verify=false "docker://$SOURCE/$ref" "docker://127.0.0.1:$UP/$ref"
done
INDEX=$(curl -s -H "$MT" "http://127.0.0.1:$UP/v2/demo/app/manifests/1.1")
child() { jq -r --arg a "$1" --argjson n "$2" '[.manifests[] | select(.platform.architecture==$a)][$n].digest' <<<"$INDEX"; }
AMD=$(child amd64 0); AMD_ATT=$(child unknown 0); ARM=$(child arm64 0); ARM_ATT=$(child unknown 1)
layers() { curl -s -H "$MT" "http://127.0.0.1:$UP/v2/demo/app/manifests/$1" | jq -r '.layers[].digest'; }
AMD_LAYER=$(layers "$AMD" | head -1); ARM_LAYER1=$(layers "$ARM" | head -1); ARM_LAYER2=$(layers "$ARM" | tail -1)
ATT_CONFIG=$(curl -s -H "$MT" "http://127.0.0.1:$UP/v2/demo/app/manifests/$ARM_ATT" | jq -r '.config.digest')
NOWHERE=sha256:$(printf 'registryguard: pull-through upstream check' | sha256sum | cut -d' ' -f1)

skopeo copy --quiet --override-os linux --override-arch amd64 --src-tls-verify=false "docker://127.0.0.1:$CP/demo/app:1.1" "dir:$ROOT/pulled"
sleep 6
echo "after pulling linux/amd64 of demo/app:1.1 through the cache: $(find "$ROOT/cache/storage" -path '*revisions*' -name link | wc -l) revision links, $(find "$ROOT/cache/storage" -name data | wc -l) blobs"
echo
echo '| request to the cache (upstream UP) | status | upstream saw (besides GET /v2/) | cache storage changes | error body |'
echo '|---|---|---|---|---|'
row "GET /v2/" "$C/v2/"
row "GET /v2/_catalog" "$C/v2/_catalog"
row "GET tags/list, cached repository" "$C/v2/demo/app/tags/list"
row "GET tags/list, repository never pulled" "$C/v2/demo/tools/tags/list"
row "HEAD manifest by tag, cached tag" -I -H "$MT" "$C/v2/demo/app/manifests/1.1"
row "GET manifest by tag, cached tag" -H "$MT" "$C/v2/demo/app/manifests/1.1"
row "HEAD manifest by digest, cached" -I -H "$MT" "$C/v2/demo/app/manifests/$AMD"
row "GET manifest by digest, cached" -H "$MT" "$C/v2/demo/app/manifests/$AMD"
row "HEAD blob, cached" -I "$C/v2/demo/app/blobs/$AMD_LAYER"
row "GET blob, cached" "$C/v2/demo/app/blobs/$AMD_LAYER"
row "HEAD manifest by digest, not cached (arm64 child)" -I -H "$MT" "$C/v2/demo/app/manifests/$ARM"
row "GET manifest by digest, not cached (attestation)" -H "$MT" "$C/v2/demo/app/manifests/$AMD_ATT"
row "HEAD blob, not cached" -I "$C/v2/demo/app/blobs/$ARM_LAYER1"
row "GET blob, not cached" "$C/v2/demo/app/blobs/$ARM_LAYER2"
row "HEAD manifest by tag, never pulled" -I -H "$MT" "$C/v2/demo/tools/manifests/stable"
row "GET manifest by a digest that exists nowhere" -H "$MT" "$C/v2/demo/app/manifests/$NOWHERE"
row "GET blob by a digest that exists nowhere" "$C/v2/demo/app/blobs/$NOWHERE"
row "HEAD blob by a digest that exists nowhere" -I "$C/v2/demo/app/blobs/$NOWHERE"

stop_registry upstream
echo
echo '| request to the cache (upstream DOWN) | status | upstream saw | cache storage changes | error body |'
echo '|---|---|---|---|---|'
row "GET /v2/" "$C/v2/"
row "GET /v2/_catalog" "$C/v2/_catalog"
row "GET tags/list, cached repository" "$C/v2/demo/app/tags/list"
row "GET tags/list, repository never pulled" "$C/v2/team/api/server/tags/list"
row "HEAD manifest by tag, cached tag" -I -H "$MT" "$C/v2/demo/app/manifests/1.1"
row "GET manifest by tag, never pulled" -H "$MT" "$C/v2/team/api/server/manifests/2026.04"
row "GET manifest by digest, cached" -H "$MT" "$C/v2/demo/app/manifests/$AMD"
row "GET manifest by digest, not cached" -H "$MT" "$C/v2/demo/app/manifests/$ARM_ATT"
row "HEAD blob, cached" -I "$C/v2/demo/app/blobs/$AMD_LAYER"
row "GET blob, not cached" "$C/v2/demo/app/blobs/$ATT_CONFIG"
row "GET blob by a digest that exists nowhere" "$C/v2/demo/app/blobs/$NOWHERE"
