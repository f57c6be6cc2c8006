#!/usr/bin/env bash
# The append benchmark, run by a person, never by CI:
#
#   ./bench/run.sh [--quick] [--no-tuning]
#   ./bench/run.sh [--quick] --tuning-only   only the tuning variants; writes <date>[-quick]-tuning.md
#   ./bench/run.sh --scale 100000     only the rows that depend on the store's size (import against COPY, rebuild,
#                                     re-evaluation) after importing that many events; writes <date>-scale-<n>.md
#
# Builds the service jar only if it is missing (./mvnw -o -q -DskipTests package), starts it on a fresh embedded
# PostgreSQL, installs Message DB 1.3.1 (npm pack @eventide/message-db@1.3.1) into a database of the same cluster,
# runs bench/append/LoadGenerator.java (JDK HttpClient and JDBC) and writes bench/results/<date>.md
# (<date>-quick.md with --quick). Then, unless --no-tuning, it restarts the service once per tuning variant on a fresh
# database and measures the same subset for each, so every change is compared within one run.
# Needs java 17+, psql, createdb, curl, npm and ss. --quick takes about ten minutes on 2 cores; the full mode hours.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=full
tuning=yes
scale=
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) mode=quick ;;
    --no-tuning) tuning=no ;;
    --tuning-only) tuning=only ;;
    --scale) scale=$2; shift ;;
    *) echo "usage: $0 [--quick] [--no-tuning] | --scale <events>" >&2; exit 2 ;;
  esac
  shift
done
jar=case-api/target/case-api.jar
[ -f "$jar" ] || ./mvnw -o -q -DskipTests package
pgjar=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | sort -V | tail -1)
mkdir -p bench/.cache bench/results
if [ ! -d bench/.cache/package/database ]; then
  (cd bench/.cache && npm pack --silent @eventide/message-db@1.3.1 > /dev/null && tar xzf eventide-message-db-1.3.1.tgz)
fi
port=18299
work=$(mktemp -d)
service=
stop_service() {
  if [ -n "$service" ]; then
    kill "$service" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$service" 2>/dev/null || break; sleep 1; done
    kill -9 "$service" 2>/dev/null || true
    wait "$service" 2>/dev/null || true
    service=
  fi
}
trap 'stop_service; rm -rf "$work"' EXIT
start_service() { # $1: data dir; the rest: service arguments
  local data=$1; shift
  java -Xmx2g -jar "$jar" --server.port=$port --case-timeline.data-dir="$data" --case-timeline.demo-data=false \
    --case-timeline.reevaluation-interval=PT2S "$@" >> "$work/service.log" 2>&1 &
  service=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null; do
    kill -0 "$service" 2>/dev/null || { tail -50 "$work/service.log"; exit 1; }
    sleep 1
  done
  pg=$(ss -ltnp | grep "pid=$(pgrep -f "$data/postgres" | head -1)," | grep -o '127.0.0.1:[0-9]*' | head -1 | cut -d: -f2)
  export PGHOST=127.0.0.1 PGPORT=$pg PGUSER=postgres
}
install_message_db() {
  local db=bench/.cache/package/database
  if [ "$(psql -d postgres -tAc "SELECT count(*) FROM pg_available_extensions WHERE name = 'pgcrypto'")" = 0 ]; then
    # write_message needs no pgcrypto function (gen_random_uuid is core since PostgreSQL 13); the embedded
    # binaries ship without contrib, so the extension step is skipped.
    cp -r "$db" "$work/message-db" && db=$work/message-db && echo "SELECT 1;" > "$db/extensions/pgcrypto.sql"
  fi
  DATABASE_NAME=message_store bash "$db/install.sh" > "$work/message-db.log" 2>&1 || { cat "$work/message-db.log"; exit 1; }
}
generate() { java -Xmx2g -cp "$pgjar" bench/append/LoadGenerator.java --api "http://127.0.0.1:$port" --pg "127.0.0.1:$PGPORT" "$@"; }
quick=()
results="bench/results/$(date -u +%F).md"
if [ "$mode" = quick ]; then
  quick=(--quick)
  results="bench/results/$(date -u +%F)-quick.md"
fi

if [ -n "$scale" ]; then
  results="bench/results/$(date -u +%F)-scale-$scale.md"
  start_service "$work/main"
  generate --rows scale --events "$scale" > "$work/report.md"
  stop_service
  cp "$work/report.md" "$results"
  cat "$results"
  echo "written to $results" >&2
  exit 0
fi

if [ "$tuning" = only ]; then
  results="${results%.md}-tuning.md"
  : > "$work/report.md"
else
  start_service "$work/main"
  install_message_db
  generate "${quick[@]}" > "$work/report.md"
  stop_service
fi

if [ "$tuning" != no ]; then
  # Each variant adds one change to the one before, on a fresh database, measured with the same rows.
  variants=(
    "as shipped: case-status batch size 100, Hikari pool 20|"
    "case-status batch size 1 (Axon's default)|--axon.eventhandling.processors.case-status.batch-size=1"
    "case-status 2 segments on 2 threads|--axon.eventhandling.processors.case-status.thread-count=2 --axon.eventhandling.processors.case-status.initial-segment-count=2"
    "Hikari pool 10|--spring.datasource.hikari.maximum-pool-size=10"
  )
  {
    echo
    echo "## Tuning: one change at a time against the shipped configuration, each on a fresh database in this run"
    echo
    echo "Each variant starts a fresh JVM and runs 10 s of unmeasured appends first."
    echo
    echo "| variant | REST appends/s, 16 clients | / INSERT ceiling | p99 ms at 200/s | errors | lag p99 ms | import events/s | / COPY | rebuild events/s |"
    echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  } >> "$work/report.md"
  i=0
  for variant in "${variants[@]}"; do
    i=$((i + 1))
    name=${variant%%|*}; args=${variant#*|}
    # shellcheck disable=SC2086
    start_service "$work/tuning-$i" $args
    generate "${quick[@]}" --rows tuning --label "$name" >> "$work/report.md"
    stop_service
  done
fi
cp "$work/report.md" "$results"
cat "$results"
echo "written to $results" >&2
