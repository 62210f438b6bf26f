#!/usr/bin/env bash
# Whole-process benchmark of `oomspec replay --format json` (reading + model + JSON) and `oomspec events --format
# json` (the reading front end alone: bytes -> events -> JSON) against `grep -c 'invoked oom-killer'` on one large
# log generated from the bundled corpus (real reports, repeated). Each is run RUNS times (default 3) and the
# median is reported, with its ratio to grep's median, the throughput and the peak heap under -Xmx256m.
#   bench/replay-bench.sh [SIZE_MIB]        (default 1024; the log is kept in target/bench/ between runs)
#   RUNS=5 JAVA_OPTS='-XX:+UseSerialGC' bench/replay-bench.sh 64
#   JAR=/tmp/old/conformance/target/oomspec.jar bench/replay-bench.sh 64     (another build on the same log)
# JVM flags: those of the `oomspec` launcher (JAVA_OPTS replaces them).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mib="${1:-1024}"
runs="${RUNS:-3}"
work="$root/target/bench"
log="$work/corpus-${size_mib}m.log"
jar="${JAR:-$root/conformance/target/oomspec.jar}"
jsa="${jar%.jar}.jsa"
mkdir -p "$work"

if [[ ! -f "$jar" ]]; then (cd "$root" && ./mvnw -q -B -DskipTests package -pl conformance -am); fi
echo "jar: $jar"
if [[ -z "${JAVA_OPTS+x}" ]]; then
  JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto"
  [[ -f "$jsa" && ! "$jsa" -ot "$jar" ]] && JAVA_OPTS="$JAVA_OPTS -XX:SharedArchiveFile=$jsa"
fi

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
echo "log: $log ($((bytes / 1024 / 1024)) MiB, $(wc -l < "$log") lines); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JVM: $JAVA_OPTS -Xmx256m"
cat "$log" > /dev/null # warm the page cache for every contender

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

grep_times=()
for ((i = 0; i < runs; i++)); do
  t0=$(now); headers=$(grep -c 'invoked oom-killer' "$log"); t1=$(now)
  grep_times+=("$(echo "$t1 - $t0" | bc -l)")
done
grep_s=$(printf '%s\n' "${grep_times[@]}" | median)
printf 'grep -c:              %7.2f s  (median of %s: %s; %s headers)\n' "$grep_s" "$runs" "${grep_times[*]}" "$headers"

# one command, RUNS times: median wall time, peak heap (largest heap in use when a GC pause started)
measure() {
  local name=$1; shift
  local times=() peaks=() rc=0
  for ((i = 0; i < runs; i++)); do
    local gclog="$work/gc-$name.log"
    t0=$(now)
    # shellcheck disable=SC2086
    java $JAVA_OPTS -Xmx256m -Xlog:gc:file="$gclog" -jar "$jar" "$@" "$log" > "$work/$name.jsonl" 2> "$work/$name.err" || rc=$?
    t1=$(now)
    times+=("$(echo "$t1 - $t0" | bc -l)")
    peaks+=("$(grep -oE '[0-9]+M->[0-9]+M' "$gclog" | cut -dM -f1 | sort -n | tail -1)")
  done
  local s; s=$(printf '%s\n' "${times[@]}" | median)
  printf '%-21s %7.2f s  (median of %s: %s; %s lines out, exit %s)\n' "oomspec $name:" "$s" "$runs" "${times[*]}" \
    "$(wc -l < "$work/$name.jsonl")" "$rc"
  printf '  ratio to grep:     %7.1f x   throughput %6.1f MiB/s   peak heap %s MiB\n' \
    "$(echo "$s / $grep_s" | bc -l)" "$(echo "$bytes / 1048576 / $s" | bc -l)" \
    "$(printf '%s\n' "${peaks[@]}" | sort -n | tail -1)"
}

measure replay-json replay --format json
measure events-json events --format json
