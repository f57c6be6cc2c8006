#!/usr/bin/env bash
# CPU per REST append, run by a person, never by CI:
#
#   ./bench/cpu/run.sh <label> [service arguments...]
#
# Starts the service jar (rebuilt if any main source is newer) on a fresh embedded PostgreSQL; bench/cpu/CpuLoad.java
# imports 500 cases, appends from 16 clients in a closed loop for 20 s of warm-up and then 45 s, and prints the
# appends/s and the CPU time per append of the service and of PostgreSQL (the postmaster and its backends, those that
# ended during the run included) over those 45 s, read from /proc. The CPU per append moves far less with a shared
# machine's load than the appends/s do: compare a setting with runs of the shipped one in the same hour, alternating.
# The unit-of-work timeouts as they were before 2026-11-25 (docs/scaling.md), against the shipped configuration:
#   ./bench/cpu/run.sh shipped
#   ./bench/cpu/run.sh uow-timeouts --axon.timeout.enabled=true --axon.timeout.handler.events.timeout-ms=-1 \
#       --axon.timeout.handler.events.warning-threshold-ms=-1 --axon.timeout.handler.commands.timeout-ms=-1 \
#       --axon.timeout.handler.commands.warning-threshold-ms=-1
# Needs java 17+ and curl.
set -euo pipefail
cd "$(dirname "$0")/../.."
label=$1; shift
jar=case-api/target/case-api.jar
# rebuilt when any main source or resource is newer, as bench/run.sh does: a bench of stale code measures nothing
if [ ! -f "$jar" ] || [ -n "$(find case-core/src/main case-projections/src/main case-api/src/main -newer "$jar" -type f | head -1)" ]; then
  rm -f "$jar" && ./mvnw -q -DskipTests package
fi
port=18398
. bench/lib/service.sh
start_service "$jar" $port "$@"
postmaster=$(pgrep -f -- "$data/postgres" | head -1)
[ -n "$postmaster" ] || { echo "no PostgreSQL running from $data/postgres" >&2; exit 1; }
echo "$label: $(java bench/cpu/CpuLoad.java "http://127.0.0.1:$port" 20 45 16 "$service" "$postmaster")"
