#!/usr/bin/env bash
# Sums the TRX counters of every test project into one closing line: "N passed, N failed, N skipped".
set -euo pipefail
dir=${1:-TestResults}
passed=0; failed=0; total=0
shopt -s nullglob
files=("$dir"/*.trx)
for trx in "${files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$((total + $(value total)))
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed)))
done
skipped=$((total - passed - failed))
if [ ${#files[@]} -eq 0 ]; then
  echo "no test results found in $dir" >&2
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
