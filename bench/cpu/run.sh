#!/usr/bin/env bash
# CPU per REST append, run by a person, never by CI:
#
#   ./bench/cpu/run.sh <label> [service arguments...]
#
# Starts the service jar on a fresh embedded PostgreSQL, imports 500 cases, warms up for 20 s, then appends from 16
# clients in a closed loop for 45 s (bench/cpu/CpuLoad.java) and prints the appends/s and the CPU time per append of
# the service and of PostgreSQL, read from /proc. The CPU per append moves far less with a shared machine's load than
# the appends/s do: compare a setting with runs of the other setting in the same hour, alternating, e.g.
#   ./bench/cpu/run.sh with; ./bench/cpu/run.sh without --axon.timeout.enabled=false; (again, twice)
set -euo pipefail
label=$1; shift
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/case-api/target/case-api.jar"
[ -f "$jar" ] || (cd "$root" && ./mvnw -q -B -ntp -DskipTests package)
port=18080
data=$(mktemp -d)
java -Xmx2g -jar "$jar" --server.port=$port --case-timeline.data-dir="$data" --case-timeline.demo-data=false "$@" \
    > "$data.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null || true; rm -rf "$data" "$data.log"' EXIT
until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do
  kill -0 $service 2>/dev/null || { echo "the service did not start: $(tail -5 "$data.log")" >&2; exit 1; }
  sleep 1
done
load="java $root/bench/cpu/CpuLoad.java http://127.0.0.1:$port"
$load 20 16 > /dev/null
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# the postmaster runs from "$data/postgres"; its backends are its children
postgres_ticks() {
  local t=0 p pm
  pm=$(pgrep -f -- "$data/postgres" | head -1)
  for p in $pm $(pgrep -P "$pm" || true); do t=$((t + $(ticks "$p"))); done
  echo $t
}
s0=$(ticks $service); p0=$(postgres_ticks)
out=$($load 45 16)
s1=$(ticks $service); p1=$(postgres_ticks)
n=$(echo "$out" | sed -E 's/appends ([0-9]+) .*/\1/')
hz=$(getconf CLK_TCK)
echo "$label: $out; service CPU $(echo "scale=2; ($s1 - $s0) * 1000 / $hz / $n" | bc) ms/append;" \
     "PostgreSQL $(echo "scale=2; ($p1 - $p0) * 1000 / $hz / $n" | bc) ms/append"
