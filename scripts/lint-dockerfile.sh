#!/usr/bin/env bash
# Lints the Dockerfile. Debian packages no Dockerfile linter (no hadolint); the npm registry has
# dockerfilelint, installed here once, pinned, into artifacts/ (git-ignored). Needs node and npm.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
tools="$repo/artifacts/npm-tools"
linter="$tools/node_modules/.bin/dockerfilelint"
if [ ! -x "$linter" ]; then
  command -v npm >/dev/null 2>&1 || { echo "lint-dockerfile: npm is not installed (apt-get install -y npm)" >&2; exit 2; }
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-save --no-audit --no-fund --loglevel=error dockerfilelint@1.8.0 >&2
fi
exec "$linter" "$repo/Dockerfile"
