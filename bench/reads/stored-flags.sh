#!/usr/bin/env bash
# A case's flags read from the projection's stored findings against the same read evaluated from its events, run by a
# person, never by CI:
#
#   ./bench/reads/stored-flags.sh [service jar, default case-api/target/case-api.jar] [transfers a case, default 30]
#
# Starts the service on a fresh embedded PostgreSQL, records 20 cases of one admission and that many transfers each
# (every transfer without notice, so each opens a finding), waits for the projection, then reads each case's flags
# without an instant (from the projection) and with ?asOf= the projection's instant (evaluated from the events), in
# alternating blocks within the one service, and prints the mean, p50 and p99 of each. One client, idle machine
# otherwise; compare the two rows of one run, not runs with each other. Needs java 17+, python3 and curl.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=${1:-case-api/target/case-api.jar}
transfers=${2:-30}
port=18397
. bench/lib/service.sh
start_service "$jar" $port
python3 bench/reads/stored_flags.py $port "$transfers"
