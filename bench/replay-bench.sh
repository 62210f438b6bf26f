#!/usr/bin/env bash
# Whole-process benchmark of `oomspec replay --format json` (reading + model + JSON) and `oomspec events --format
# json` (the reading front end alone: bytes -> events -> JSON) against `grep -c 'invoked oom-killer'` on one large
# log generated from the bundled corpus (real reports, repeated). Each is run RUNS times (default 3) and the
# median is reported, with its ratio to grep's median, the CPU time (user + sys), the throughput and the peak heap
# under -Xmx256m.
#   bench/replay-bench.sh [SIZE_MIB]        (default 1024; the log is kept in target/bench/ between runs)
#   RUNS=5 JAVA_OPTS='-XX:+UseSerialGC' bench/replay-bench.sh 64
#   JAR=/tmp/old/conformance/target/oomspec.jar bench/replay-bench.sh 64     (another build on the same log)
#   BASE_JAR=/tmp/base.jar bench/replay-bench.sh     (before/after in one run: the two jars' runs alternate, and
#                                                     their outputs are compared with cmp)
# JVM flags: those of the `oomspec` launcher (JAVA_OPTS replaces them).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mib="${1:-1024}"
runs="${RUNS:-3}"
work="$root/target/bench"
log="$work/corpus-${size_mib}m.log"
jar="${JAR:-$root/conformance/target/oomspec.jar}"
mkdir -p "$work"

if [[ ! -f "$jar" ]]; then (cd "$root" && ./mvnw -q -B -DskipTests package -pl conformance -am); fi
echo "jar: $jar${BASE_JAR:+; base: $BASE_JAR}"
launcher_flags=0
if [[ -z "${JAVA_OPTS+x}" ]]; then
  JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto"
  launcher_flags=1
fi
# the launcher's class-data-sharing archive of a jar (next to it, as the launcher makes it), when it is up to date
archive() {
  local a="${1%.jar}.jsa"
  if (( launcher_flags )) && [[ -f "$a" && ! "$a" -ot "$1" ]]; then echo "-XX:SharedArchiveFile=$a"; fi
}

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
echo "JVM: $JAVA_OPTS -Xmx256m $(archive "$jar")"
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

# one command, RUNS times per jar (the jars alternate run by run): median wall time and CPU time, peak heap (the
# largest heap in use when a GC pause started)
measure() {
  local name=$1; shift
  local jars=("$jar") tags=("")
  if [[ -n "${BASE_JAR:-}" ]]; then jars=("$BASE_JAR" "$jar"); tags=("base" ""); fi
  declare -A times=() cpus=() peaks=() rcs=()
  for ((i = 0; i < runs; i++)); do
    for ((j = 0; j < ${#jars[@]}; j++)); do
      local tag=${tags[$j]} out="$work/$name${tags[$j]:+-${tags[$j]}}"
      local gclog="$out.gc.log" rc=0
      t0=$(now)
      # shellcheck disable=SC2086
      /usr/bin/time -f '%U %S' -o "$out.cpu" java $JAVA_OPTS $(archive "${jars[$j]}") -Xmx256m -Xlog:gc:file="$gclog" -jar "${jars[$j]}" \
        "$@" "$log" > "$out.jsonl" 2> "$out.err" || rc=$?
      t1=$(now)
      times[$j]+="$(echo "$t1 - $t0" | bc -l) "
      cpus[$j]+="$(awk '{print $1 + $2}' "$out.cpu") "
      peaks[$j]+="$(grep -oE '[0-9]+M->[0-9]+M' "$gclog" | cut -dM -f1 | sort -n | tail -1) "
      rcs[$j]=$rc
    done
  done
  for ((j = 0; j < ${#jars[@]}; j++)); do
    local label="oomspec $name${tags[$j]:+ (${tags[$j]})}:" out="$work/$name${tags[$j]:+-${tags[$j]}}"
    local s c; s=$(printf '%s\n' ${times[$j]} | median); c=$(printf '%s\n' ${cpus[$j]} | median)
    printf '%-28s %7.2f s  (median of %s: %s; %s lines out, exit %s)\n' "$label" "$s" "$runs" "${times[$j]% }" \
      "$(wc -l < "$out.jsonl")" "${rcs[$j]}"
    printf '  ratio to grep:  %7.1f x   CPU %6.2f s (%s)   throughput %6.1f MiB/s   peak heap %s MiB\n' \
      "$(echo "$s / $grep_s" | bc -l)" "$c" "${cpus[$j]% }" "$(echo "$bytes / 1048576 / $s" | bc -l)" \
      "$(printf '%s\n' ${peaks[$j]} | sort -n | tail -1)"
  done
  if [[ -n "${BASE_JAR:-}" ]]; then
    if cmp -s "$work/$name-base.jsonl" "$work/$name.jsonl" && cmp -s "$work/$name-base.err" "$work/$name.err"; then
      echo "  output: identical to the base jar's (stdout and stderr, cmp)"
    else
      echo "  output: DIFFERS from the base jar's: $(cmp "$work/$name-base.jsonl" "$work/$name.jsonl" 2>&1 | head -1)"
    fi
  fi
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
measure replay-json replay --format json
measure events-json events --format json
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
