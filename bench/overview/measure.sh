#!/usr/bin/env bash
# Times the dashboard overview with the 3 demo cases (the baseline) and then with 10,000 cases, in one run.
# Run by a person, never by CI: ./bench/overview/measure.sh   (needs psql and curl; takes about a minute)
set -euo pipefail
cd "$(dirname "$0")/../.."
port=18199
data=$(mktemp -d)
java -jar case-api/target/case-api.jar --server.port=$port --case-timeline.data-dir="$data" > "$data/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null; do sleep 1; done
sleep 5 # the demo cases reach the projection
pg=$(ss -ltnp | grep "pid=$(pgrep -f "$data/postgres" | head -1)," | grep -o '127.0.0.1:[0-9]*' | head -1 | cut -d: -f2)
jar="$data/cookies"
curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/login" -o "$data/login.html"
csrf=$(grep -o 'name="_csrf" value="[^"]*"' "$data/login.html" | sed 's/.*value="//;s/"//')
curl -s -c "$jar" -b "$jar" -X POST "http://127.0.0.1:$port/login" -d "username=viewer&password=viewer&_csrf=$csrf" -o /dev/null
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_overview() {
  for _ in 1 2 3; do curl -s -b "$jar" -o /dev/null "http://127.0.0.1:$port/$1"; done # warm up
  for _ in $(seq 1 9); do curl -s -b "$jar" -o /dev/null -w "%{time_total}\n" "http://127.0.0.1:$port/$1"; done | median
}
base=$(time_overview "")
psql -q -h 127.0.0.1 -p "$pg" -U postgres -d postgres -f bench/overview/seed-10k-cases.sql
big=$(time_overview "")
sorted=$(time_overview "?sort=critical_flags")
filtered=$(time_overview "?rule=MR19-CLOTHING&sort=distance")
results="bench/results/$(date -u +%F)-overview.md"
mkdir -p bench/results
{
  echo "# Dashboard overview, $(date -u +%FT%TZ), $(nproc) cores"
  echo
  echo "| page | median s | ratio to 3 cases |"
  echo "| --- | --- | --- |"
  for row in "3 cases (baseline):$base" "10,000 cases:$big" "10,000 cases, by critical flags:$sorted" "10,000 cases, by rule and distance:$filtered"; do
    echo "| ${row%%:*} | ${row##*:} | $(awk -v a="${row##*:}" -v b="$base" 'BEGIN {printf "%.2f", a / b}') |"
  done
} | tee "$results"
