#!/usr/bin/env bash
# Whole-process benchmark: `oomspec fleet` in Spark local mode against `oomspec replay --format json` on the same
# host logs (real corpus reports, repeated), alternating, RUNS times each; prints each run and the medians.
#   fleet/bench/fleet-bench.sh [HOSTS] [MIB_PER_HOST] [RUNS] [MASTER]     (default 32 8 3 local[2])
#   fleet/bench/fleet-bench.sh --dir DIR [RUNS] [MASTER]                  (an existing directory of host logs)
# The logs are kept in target/fleet-bench/ between runs. Figures: docs/fleet.md, "Throughput".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$root/target/fleet-bench"
mkdir -p "$work"
if [[ "${1:-}" == --dir ]]; then
  logs="$(cd "$2" && pwd)"; runs="${3:-3}"; master="${4:-local[2]}"
else
  hosts="${1:-32}"; mib="${2:-8}"; runs="${3:-3}"; master="${4:-local[2]}"
  logs="$work/hosts-${hosts}x${mib}m"
  if [[ ! -d "$logs" ]]; then
    # one chunk = every dmesg-format report of the corpus, in INDEX order (as bench/replay-bench.sh), repeated to
    # MIB_PER_HOST; every host's kern.log is a hard link to it (the page cache holds one copy for both contenders)
    chunk="$work/chunk.log"; : > "$chunk"
    tail -n +2 "$root/traces/corpus/INDEX.tsv" | awk -F"\t" '$2 == "dmesg"' | cut -f1 | while read -r f; do
      cat "$root/traces/corpus/$f" >> "$chunk"; printf '\n' >> "$chunk"
    done
    one="$work/host-${mib}m.log"; : > "$one"
    while (( $(stat -c %s "$one") < mib * 1024 * 1024 )); do cat "$chunk" >> "$one"; done
    for ((i = 0; i < hosts; i++)); do
      h="$logs/$(printf 'host-%04d' "$i")"; mkdir -p "$h"; ln "$one" "$h/kern.log"
    done
  fi
fi
jar="$root/conformance/target/oomspec.jar"
args="$root/fleet/target/fleet-classpath.args"
if [[ ! -f "$jar" || ! -f "$args" ]]; then (cd "$root" && ./mvnw -q -B -DskipTests package -pl fleet -am); fi
mapfile -t files < <(find "$logs" -type f | sort)
bytes=$(cat "${files[@]}" | wc -c)   # also warms the page cache for both contenders
mibs=$(echo "$bytes / 1048576" | bc -l)
echo "logs: $logs (${#files[@]} files, $(printf '%.1f' "$mibs") MiB); $(nproc) cores; master $master"
echo "uptime before: $(uptime)"
export SPARK_LOCAL_IP=127.0.0.1
replay_t=(); fleet_t=()
for ((r = 1; r <= runs; r++)); do
  t0=$(date +%s.%N)
  java -jar "$jar" replay --format json --out "$work/replay.jsonl" "${files[@]}" 2> "$work/replay.err" || true
  t1=$(date +%s.%N)
  java @"$root/fleet/target/fleet-jvm.args" @"$args" dev.oomspec.fleet.FleetMain --master "$master" --overwrite \
    --out "$work/fleet-out" "$logs" 2> "$work/fleet.err" || true
  t2=$(date +%s.%N)
  rs=$(echo "$t1 - $t0" | bc -l); fs=$(echo "$t2 - $t1" | bc -l)
  replay_t+=("$rs"); fleet_t+=("$fs")
  events=$(wc -l < "$work/replay.jsonl")
  fevents=$(cat "$work"/fleet-out/events-json/*.json | wc -l)
  printf 'run %d: replay %6.1f s (%s events)   fleet %6.1f s (%s events)\n' "$r" "$rs" "$events" "$fs" "$fevents"
done
echo "uptime after:  $(uptime)"
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
rm=$(median "${replay_t[@]}"); fm=$(median "${fleet_t[@]}")
printf 'median replay: %6.1f s  %8.0f events/s  %6.1f MiB/s\n' "$rm" "$(echo "$events / $rm" | bc -l)" "$(echo "$mibs / $rm" | bc -l)"
printf 'median fleet:  %6.1f s  %8.0f events/s  %6.1f MiB/s\n' "$fm" "$(echo "$fevents / $fm" | bc -l)" "$(echo "$mibs / $fm" | bc -l)"
grep 'oomspec fleet:' "$work/fleet.err" || true
