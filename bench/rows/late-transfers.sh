#!/usr/bin/env bash
# Rows written for facts learned late in a long case, run by a person, never by CI:
#
#   ./bench/rows/late-transfers.sh [service jar, default case-api/target/case-api.jar]
#
# Starts the service on a fresh embedded PostgreSQL, imports one case of 200 transfers between two facilities (201
# stays), then appends 30 pairs of transfers dated inside its history (a visit to the other facility, back the next
# day), and prints the rows PostgreSQL counted as inserted, updated and deleted in facility_stay and case_finding for
# them (pg_stat_user_tables). Counts, not times: they do not depend on how busy the machine is. Run it with two jars
# to compare two builds. Needs java 17+, python3, psql, curl and ss.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=${1:-case-api/target/case-api.jar}
port=18398
. bench/lib/service.sh
start_service "$jar" $port
postgres=$(pgrep -f "$data/postgres" | head -1)
export PGHOST=127.0.0.1 PGUSER=postgres
PGPORT=$(ss -ltnp | grep "pid=$postgres," | grep -o '127.0.0.1:[0-9]*' | head -1 | cut -d: -f2)
export PGPORT
python3 bench/rows/late_transfers.py $port
