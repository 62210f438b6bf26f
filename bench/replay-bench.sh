#!/usr/bin/env bash
# Whole-process benchmark of `oomspec replay --format json` against `grep -c 'invoked oom-killer'` on one
# large log generated from the bundled corpus (real reports, repeated). Prints the ratio and the peak heap.
#   bench/replay-bench.sh [SIZE_MIB]        (default 1024; the log is kept in target/bench/ between runs)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mib="${1:-1024}"
work="$root/target/bench"
log="$work/corpus-${size_mib}m.log"
jar="$root/conformance/target/oomspec.jar"
mkdir -p "$work"

if [[ ! -f "$jar" ]]; then (cd "$root" && ./mvnw -q -B -DskipTests package -pl conformance -am); fi

if [[ ! -f "$log" ]]; then
  # one chunk = every dmesg-format report of the corpus (live captures and published dmesg logs), in INDEX order
  chunk="$work/chunk.log"
  : > "$chunk"
  tail -n +2 "$root/traces/corpus/INDEX.tsv" | awk -F"\t" '$2 == "dmesg"' | cut -f1 | while read -r f; do
    cat "$root/traces/corpus/$f" >> "$chunk"; printf '\n' >> "$chunk"
  done
  target=$((size_mib * 1024 * 1024))
  : > "$log"
  # double the block until it is large, then append blocks up to the size
  block="$work/block.log"; cp "$chunk" "$block"
  while (( $(stat -c %s "$block") < 16 * 1024 * 1024 )); do cat "$block" "$block" > "$block.2"; mv "$block.2" "$block"; done
  while (( $(stat -c %s "$log") < target )); do cat "$block" >> "$log"; done
  rm -f "$block" "$chunk"
fi

bytes=$(stat -c %s "$log")
echo "log: $log ($((bytes / 1024 / 1024)) MiB)"
cat "$log" > /dev/null # warm the page cache for both contenders

t0=$(date +%s.%N)
headers=$(grep -c 'invoked oom-killer' "$log")
t1=$(date +%s.%N)
grep_s=$(echo "$t1 - $t0" | bc -l)

gclog="$work/gc.log"
t0=$(date +%s.%N)
java -Xmx256m -Xlog:gc:file="$gclog" -jar "$jar" replay --format json "$log" > "$work/replay.jsonl" 2> "$work/replay.err" || rc=$?
t1=$(date +%s.%N)
replay_s=$(echo "$t1 - $t0" | bc -l)
events=$(wc -l < "$work/replay.jsonl")
# peak heap = the largest "before" size of any GC pause (heap in use when a collection started)
peak=$(grep -oE '[0-9]+M->[0-9]+M' "$gclog" | cut -dM -f1 | sort -n | tail -1)

printf 'grep -c:            %8.2f s  (%s headers)\n' "$grep_s" "$headers"
printf 'oomspec replay json: %8.2f s  (%s events, exit %s)\n' "$replay_s" "$events" "${rc:-0}"
printf 'ratio replay/grep:   %8.1f x\n' "$(echo "$replay_s / $grep_s" | bc -l)"
printf 'throughput:          %8.1f MiB/s\n' "$(echo "$bytes / 1048576 / $replay_s" | bc -l)"
printf 'peak heap (-Xmx256m): %s MiB\n' "${peak:-?}"
