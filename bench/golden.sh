#!/usr/bin/env bash
# Runs one oomspec jar over every log of the corpus and test resources (and optionally a bench log): for each input
# `replay --format json` and `events --format json`, stdout, stderr and exit code kept under OUT, plus a digest list.
#   bench/golden.sh JAR OUT [EXTRA_LOG…]      (run from anywhere; inputs named relative to traces/)
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; shift
out="$1"; shift
mkdir -p "$out"; out="$(cd "$out" && pwd)"
cd "$root/traces"
mapfile -t files < <(find corpus src/test/resources/logs src/test/resources/published src/test/resources/heldout \
  src/test/resources/compressed src/test/resources/dev/oomspec/traces/MutatedLogsFuzzTestInputs \
  src/test/resources/dev/oomspec/traces/TraceDatFuzzTestInputs -type f \
  ! -name '*.md' ! -name '*.tsv' ! -name '*.yaml' ! -name '*.py' | LC_ALL=C sort)
run() { # name args…
  local name="$1"; shift
  java -Xmx256m -jar "$jar" "$@" > "$out/$name.out" 2> "$out/$name.err" < /dev/null
  echo $? > "$out/$name.rc"
}
for f in "${files[@]}" "$@"; do
  n="${f//\//__}"
  run "replay__$n" replay --format json "$f"
  run "events__$n" events --format json "$f"
done
run "replay__ALL" replay --format json "${files[@]}"
run "events__ALL" events --format json "${files[@]}"
(cd "$out" && sha256sum -- *.out *.err *.rc | LC_ALL=C sort -k2 > SHA256SUMS)
echo "$(ls "$out" | grep -c '\.out$') runs in $out"
