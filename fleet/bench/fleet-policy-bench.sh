#!/usr/bin/env bash
# Whole-process benchmark of what `--policy` costs the fleet job: `oomspec fleet` in Spark local mode without and
# with `--policy POLICIES` on the same host logs, alternating, RUNS times each; prints each run and the medians.
#   fleet/bench/fleet-policy-bench.sh [HOSTS] [MIB_PER_HOST] [RUNS] [POLICIES] [MASTER]   (default 32 8 3 largest-rss local[2])
# The logs are fleet-bench.sh's (target/fleet-bench/hosts-HOSTSxMIBm; run it once first). Figures: docs/fleet.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
hosts="${1:-32}"; mib="${2:-8}"; runs="${3:-3}"; policies="${4:-largest-rss}"; master="${5:-local[2]}"
work="$root/target/fleet-bench"
logs="$work/hosts-${hosts}x${mib}m"
[[ -d "$logs" ]] || { echo "no $logs: run fleet/bench/fleet-bench.sh $hosts $mib 1 first" >&2; exit 2; }
args="$root/fleet/target/fleet-classpath.args"
[[ -f "$args" ]] || (cd "$root" && ./mvnw -q -B -DskipTests package -pl fleet -am)
mapfile -t files < <(find "$logs" -type f | sort)
bytes=$(cat "${files[@]}" | wc -c)   # warms the page cache
mibs=$(echo "$bytes / 1048576" | bc -l)
echo "logs: $logs (${#files[@]} files, $(printf '%.1f' "$mibs") MiB); $(nproc) cores; master $master; --policy $policies"
echo "uptime before: $(uptime)"
export SPARK_LOCAL_IP=127.0.0.1
fleet() { java @"$root/fleet/target/fleet-jvm.args" @"$args" dev.oomspec.fleet.FleetMain --master "$master" --overwrite "$@"; }
plain_t=(); policy_t=()
for ((r = 1; r <= runs; r++)); do
  t0=$(date +%s.%N)
  fleet --out "$work/fleet-out" "$logs" 2> "$work/fleet.err" || true
  t1=$(date +%s.%N)
  fleet --policy "$policies" --out "$work/fleet-policy-out" "$logs" 2> "$work/fleet-policy.err" || true
  t2=$(date +%s.%N)
  ps=$(echo "$t1 - $t0" | bc -l); qs=$(echo "$t2 - $t1" | bc -l)
  plain_t+=("$ps"); policy_t+=("$qs")
  events=$(cat "$work"/fleet-out/events-json/*.json | wc -l)
  pevents=$(grep -c '"policies":\[{' "$work"/fleet-policy-out/events-json/*.json | awk -F: '{s += $NF} END {print s}')
  printf 'run %d: fleet %6.1f s (%s events)   fleet --policy %6.1f s (%s events with policies)\n' "$r" "$ps" "$events" "$qs" "$pevents"
done
echo "uptime after:  $(uptime)"
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
pm=$(median "${plain_t[@]}"); qm=$(median "${policy_t[@]}")
printf 'median fleet:          %6.1f s  %8.0f events/s  %6.1f MiB/s\n' "$pm" "$(echo "$events / $pm" | bc -l)" "$(echo "$mibs / $pm" | bc -l)"
printf 'median fleet --policy: %6.1f s  %8.0f events/s  %6.1f MiB/s  (%.2fx)\n' "$qm" "$(echo "$pevents / $qm" | bc -l)" "$(echo "$mibs / $qm" | bc -l)" "$(echo "$qm / $pm" | bc -l)"
grep 'oomspec fleet:' "$work/fleet-policy.err" || true
