#!/usr/bin/env bash
# Performs the Dockerfile's build stage without a container engine, then checks what it produced the way
# the runtime stage runs it. CI runs it through a test (ContainerBuildTests).
#   scripts/container-build.sh [OUT_DIR]      (default artifacts/container/app)
#
# The build stage is read from the Dockerfile itself: every COPY (from the build context) is copied into a
# fresh staging directory that stands for the stage's WORKDIR, every RUN line is run there with bash, and
# PUBLISH_DIR (the stage's output, /app in the image) is OUT_DIR. A file the Dockerfile forgets to COPY
# fails here exactly as it would in `docker build`.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out=$(mkdir -p "${1:-$repo/artifacts/container/app}" && cd "${1:-$repo/artifacts/container/app}" && pwd)
staging=$(mktemp -d -t registryguard-build-XXXXXX)
runtime_tmp=$(mktemp -d -t registryguard-tmp-XXXXXX)
trap 'rm -rf "$staging" "$runtime_tmp"' EXIT
rm -rf "${out:?}"/*

# Dockerfile instructions of one stage, continuation lines joined, comments dropped.
stage_instructions() {
  awk -v stage="$1" '
    /^[[:space:]]*#/ { next }
    { line = line $0 }
    /\\[[:space:]]*$/ { sub(/\\[[:space:]]*$/, " ", line); next }
    { if (line ~ /^FROM /) { inside = (line ~ (" AS " stage "$")) } else if (inside && line ~ /[^[:space:]]/) print line; line = "" }
  ' "$repo/Dockerfile"
}

cd "$staging"
while IFS= read -r instruction; do
  keyword=${instruction%% *}
  rest=${instruction#* }
  case "$keyword" in
    WORKDIR) ;; # the staging directory is the WORKDIR
    COPY)
      read -r -a words <<<"$rest"
      [[ "${words[0]}" == --* ]] && { echo "container-build: unsupported COPY flag in build stage: $instruction" >&2; exit 2; }
      dest=${words[-1]}
      mkdir -p "$staging/$dest"
      for source in "${words[@]:0:${#words[@]}-1}"; do
        if [ -d "$repo/$source" ]; then
          # Same exclusions as .dockerignore: no build outputs leak into the stage.
          (cd "$repo/$source" && find . -type f -not -path '*/bin/*' -not -path '*/obj/*' -print0 \
            | xargs -0 -I{} cp --parents {} "$staging/$dest/")
        else
          cp "$repo/$source" "$staging/$dest/"
        fi
      done
      ;;
    ARG) ;; # PUBLISH_DIR is given below; no other build argument is used by a RUN line
    RUN)
      echo "container-build: RUN ${rest}" >&2
      PUBLISH_DIR="$out" bash -euo pipefail -c "$rest"
      ;;
    *) echo "container-build: unsupported instruction in build stage: $instruction" >&2; exit 2 ;;
  esac
done < <(stage_instructions build)

# Run the output as the runtime stage does: its ENV, HOME and TMPDIR on an empty directory (the emptyDir
# /tmp of the Kubernetes pod), nothing from the .NET install (the executable is native).
declare -a runtime_env=()
while IFS= read -r instruction; do
  [[ "$instruction" == ENV\ * ]] || continue
  read -r -a pairs <<<"${instruction#ENV }"
  runtime_env+=("${pairs[@]}")
done < <(stage_instructions runtime)
run() {
  env -i "${runtime_env[@]}" HOME="$runtime_tmp" TMPDIR="$runtime_tmp" "$out/registryguard" "$@"
}
head -c 4 "$out/registryguard" | grep -q ELF || { echo "container-build: $out/registryguard is not a native executable" >&2; exit 1; }
before=$(cd "$out" && find . -printf '%p %s %T@\n' | sort)

version=$(run --version)
[ -n "$version" ] || { echo "container-build: --version printed nothing" >&2; exit 1; }
help=$(run --help)
for verb in probe verify; do
  grep -q "^  $verb" <<<"$help" || { echo "container-build: --help does not list '$verb'" >&2; exit 1; }
done
run probe --help >/dev/null

after=$(cd "$out" && find . -printf '%p %s %T@\n' | sort)
[ "$before" = "$after" ] || { echo "container-build: the application wrote into its own directory" >&2; exit 1; }
if [ -n "$(ls -A "$runtime_tmp")" ]; then
  echo "container-build: the application wrote to TMPDIR/HOME: $(ls -A "$runtime_tmp")" >&2
  exit 1
fi
echo "container-build: OK registryguard $version in $out"
