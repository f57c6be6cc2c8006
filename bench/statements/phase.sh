#!/usr/bin/env bash
# Where PostgreSQL's time goes during the bulk import or the rebuild, statement by statement, run by a person, never by
# CI:
#
#   ./bench/statements/phase.sh import|rebuild [service jar, default case-api/target/case-api.jar] [events, default 100000]
#
# Starts the service on a fresh embedded PostgreSQL and runs the generator's scale rows (bench/append/LoadGenerator.java
# --rows scale: import, COPY, rebuild, re-evaluation). For the phase named alone it has the server log every statement
# with its duration (log_min_duration_statement = 0, as CSV), then loads that log into a table of the same cluster and
# prints the statements by their total time, and writes the table to bench/results/<date>-statements-<phase>.md.
# Logging every statement slows the phase itself (about 1.5 times here), so read the shares, not the seconds; the
# phase's own time is in the scale bench. Needs java 17+, psql, curl and ss.
set -euo pipefail
cd "$(dirname "$0")/../.."
phase=${1:-}
case "$phase" in
  import) to="import:" ;;
  rebuild) from="projection caught up" to="rebuild:" ;;
  *) echo "usage: $0 import|rebuild [jar] [events]" >&2; exit 2 ;;
esac
jar=${2:-case-api/target/case-api.jar}
events=${3:-100000}
port=18398
. bench/lib/service.sh
start_service "$jar" $port --case-timeline.reevaluation-interval=PT2S
pg=$(ss -ltnp | grep "pid=$(pgrep -f "$data/postgres" | head -1)," | grep -o '127.0.0.1:[0-9]*' | head -1 | cut -d: -f2)
export PGHOST=127.0.0.1 PGPORT=$pg PGUSER=postgres PGDATABASE=postgres
pgjar=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | sort -V | tail -1)
log_statements() {
  psql -qc "ALTER SYSTEM SET log_destination = 'stderr,csvlog'" -c "ALTER SYSTEM SET log_min_duration_statement = 0" \
      -c "SELECT pg_reload_conf()" > /dev/null
}
[ "$phase" = import ] && log_statements
java -Xmx2g -cp "$pgjar" bench/append/LoadGenerator.java --api "http://127.0.0.1:$port" --pg "127.0.0.1:$pg" \
    --rows scale --events "$events" > "$data/scale.md" 2> "$data/generator.log" &
generator=$!
trap 'kill $generator 2>/dev/null || true; kill $service 2>/dev/null || true; wait $service 2>/dev/null || true; rm -rf "$data" "$data.log"' EXIT
waitfor() { until grep -q "$1" "$data/generator.log"; do kill -0 $generator 2>/dev/null || { cat "$data/generator.log" >&2; exit 1; }; sleep 0.2; done; }
[ "$phase" = rebuild ] && waitfor "$from" && log_statements
waitfor "$to"
psql -qc "ALTER SYSTEM RESET log_min_duration_statement" -c "ALTER SYSTEM RESET log_destination" \
    -c "SELECT pg_reload_conf()" > /dev/null
wait $generator
measured=$(grep "$to" "$data/generator.log" | sed 's/^[0-9:]* //')
# the server's CSV log, a file a weekday (two when the phase ran past midnight); a jar from before the server kept its
# own log has none
ls "$data"/postgres/log/*.csv > /dev/null 2>&1 || { echo "no CSV server log in $data/postgres/log: this jar's embedded PostgreSQL keeps no log of its own" >&2; exit 1; }
results="bench/results/$(date -u +%F)-statements-$phase.md"
{
  echo "# PostgreSQL's time during the $phase, by statement, $(date -u +%FT%TZ), $(nproc) cores"
  echo
  echo "The $phase of $events events (the bench's scale rows), every statement logged with its duration ($measured; logging slows it)."
  echo "A statement's time is the server's, from its start to its end: a COMMIT's includes the wait for the WAL to reach the"
  echo "disk. Phases: parse, bind and execute of the extended protocol, or a simple statement. Statements cut to 100 characters."
  echo
  echo "| ms | share | calls | phase | statement |"
  echo "| --- | --- | --- | --- | --- |"
  # the CSV log's columns as PostgreSQL 14 to 18 write them
  psql -qAt <<SQL
CREATE TEMP TABLE server_log (log_time timestamptz, user_name text, database_name text, process_id int,
    connection_from text, session_id text, session_line_num bigint, command_tag text, session_start_time timestamptz,
    virtual_transaction_id text, transaction_id bigint, error_severity text, sql_state_code text, message text,
    detail text, hint text, internal_query text, internal_query_pos int, context text, query text, query_pos int,
    location text, application_name text, backend_type text, leader_pid int, query_id bigint);
$(for csv in "$data"/postgres/log/*.csv; do echo "\\copy server_log FROM '$csv' WITH (FORMAT csv)"; done)
WITH timed AS (
    SELECT (regexp_match(message, '^duration: ([0-9.]+) ms'))[1]::numeric AS ms,
           (regexp_match(message, '^duration: [0-9.]+ ms  ([a-z]+)'))[1] AS phase,
           left(regexp_replace(regexp_replace(message, '^duration: [0-9.]+ ms  [^:]*: ', ''), '\s+', ' ', 'g'), 100) AS statement
    FROM server_log WHERE message LIKE 'duration: %')
SELECT format('| %s | %s%% | %s | %s | %s |', round(sum(ms)), round(100 * sum(ms) / sum(sum(ms)) OVER (), 1), count(*),
              phase, replace(statement, '|', '\|'))
FROM timed GROUP BY phase, statement ORDER BY sum(ms) DESC LIMIT 30;
SQL
} > "$results.tmp"
mv "$results.tmp" "$results"
cat "$results"
echo "written to $results" >&2
