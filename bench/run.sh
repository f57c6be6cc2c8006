#!/usr/bin/env bash
# The append benchmark, run by a person, never by CI:
#
#   ./bench/run.sh [--quick] [--no-tuning]
#   ./bench/run.sh [--quick] --tuning-only   only the tuning variants; writes <date>[-quick]-tuning.md
#   ./bench/run.sh [--quick] --tuning-only --shipped   only the shipped configuration's tuning row (one build against
#                                     another, in turn: appends, lag, a case of 2,000 facts, import, rebuild); writes
#                                     <date>[-quick]-tuning-shipped.md. With a full run, --shipped leaves its tuning
#                                     table the shipped row alone
#   ./bench/run.sh --scale 100000     only the rows that depend on the store's size (import against COPY, rebuild,
#                                     re-evaluation) after importing that many events; writes <date>-scale-<n>.md
#   ./bench/run.sh [--quick] --two-nodes   one node, then two service nodes on its database: appends and lag;
#                                     writes <date>-two-nodes.md
#   ./bench/run.sh --evaluation       no service: how evaluating every compliance rule over one case grows with the
#                                     case's length (case-core's LongCaseEvaluation); writes <date>-evaluation.md
#
# Builds the service jar if it is missing or older than a main source (./mvnw -q -DskipTests package; online, as a fresh
# machine lacks the dependency plugin), starts it on a fresh embedded
# PostgreSQL, installs Message DB 1.3.1 (npm pack @eventide/message-db@1.3.1) into a database of the same cluster,
# installs Emmett's PostgreSQL event store 0.42.0 (bench/peer/emmett, npm install into bench/.cache/emmett) for the
# Node peer, runs bench/append/LoadGenerator.java (JDK HttpClient and JDBC; node for the Emmett rows) and writes
# bench/results/<date>.md
# (<date>-quick.md with --quick). Then, unless --no-tuning, it restarts the service once per tuning variant on a fresh
# database and measures the same subset for each, so every change is compared within one run.
# Needs java 17+, psql, createdb, curl, npm and ss; without node (or npm) the Emmett rows are left out with a note.
# --quick takes about ten minutes on 2 cores; the full mode hours.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=full
tuning=yes
scale=
two_nodes=
evaluation=
shipped=
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) mode=quick ;;
    --no-tuning) tuning=no ;;
    --tuning-only) tuning=only ;;
    --scale) scale=$2; shift ;;
    --two-nodes) two_nodes=yes ;;
    --evaluation) evaluation=yes ;;
    --shipped) shipped=yes ;;
    *) echo "usage: $0 [--quick] [--no-tuning] | [--quick] --tuning-only [--shipped] | --scale <events> | [--quick] --two-nodes | --evaluation" >&2; exit 2 ;;
  esac
  shift
done
if [ -n "$evaluation" ]; then
  mkdir -p bench/.cache bench/results
  ./mvnw -q -pl case-core test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/bench/.cache/core.classpath"
  results="bench/results/$(date -u +%F)-evaluation.md"
  {
    echo "# Compliance evaluation of one case against its length, $(date -u +%FT%TZ), $(nproc) cores"
    echo
    java -cp "case-core/target/classes:case-core/target/test-classes:$(cat bench/.cache/core.classpath)" \
      org.casetimeline.core.bench.LongCaseEvaluation
  } > "$results.tmp"
  mv "$results.tmp" "$results"
  cat "$results"
  echo "written to $results" >&2
  exit 0
fi
jar=case-api/target/case-api.jar
# Rebuilt when any main source or resource is newer: Maven leaves the repackaged jar as it was when only another
# module changed, and a bench of stale code measures nothing.
if [ ! -f "$jar" ] || [ -n "$(find case-core/src/main case-projections/src/main case-api/src/main -newer "$jar" -type f | head -1)" ]; then
  rm -f "$jar" && ./mvnw -q -DskipTests package
fi
pgjar=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | sort -V | tail -1)
mkdir -p bench/.cache bench/results
if [ ! -d bench/.cache/package/database ]; then
  (cd bench/.cache && npm pack --silent @eventide/message-db@1.3.1 > /dev/null && tar xzf eventide-message-db-1.3.1.tgz)
fi
# The Emmett peer: its pinned packages installed once (again when package.json changes; installed.json marks a
# finished install), the script copied beside them on every run so that node resolves them from there.
emmett=(--emmett-missing "node or npm is not on the PATH")
if command -v node > /dev/null && command -v npm > /dev/null; then
  cache=bench/.cache/emmett
  if ! cmp -s bench/peer/emmett/package.json "$cache/installed.json"; then
    rm -rf "$cache" && mkdir -p "$cache" && cp bench/peer/emmett/package.json "$cache/"
    if (cd "$cache" && npm install --no-audit --no-fund > npm-install.log 2>&1); then
      cp "$cache/package.json" "$cache/installed.json"
    else
      cat "$cache/npm-install.log" >&2
    fi
  fi
  if [ -f "$cache/installed.json" ]; then
    cp bench/peer/emmett/append.mjs "$cache/"
    emmett=(--emmett "$cache/append.mjs")
  else
    emmett=(--emmett-missing "npm install of bench/peer/emmett/package.json failed")
  fi
fi
[ "${emmett[0]}" = --emmett ] || echo "note: the Emmett rows are skipped: ${emmett[1]}" >&2
# The in-process rows run case-api's GatewayAppends (test sources) with the service's dependencies.
gateway=bench/.cache/gateway.classpath
if [ ! -f case-api/target/test-classes/org/casetimeline/api/bench/GatewayAppends.class ] || [ ! -f "$gateway" ]; then
  # with -am, case-core and case-projections come from this checkout's target/classes, not from ~/.m2, where another
  # build's install would leave other code (and other migrations, applied to the bench's database)
  ./mvnw -q -pl case-api -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$gateway.deps"
  echo "$PWD/case-api/target/test-classes:$PWD/case-api/target/classes:$(cat "$gateway.deps")" > "$gateway"
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
trap 'stop_service; [ -z "${second:-}" ] || kill "$second" 2>/dev/null || true; rm -rf "$work"' EXIT
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

if [ -n "$two_nodes" ]; then
  # A second node on the first node's database, with the same users the generator signs in as.
  results="bench/results/$(date -u +%F)-two-nodes.md"
  start_service "$work/main"
  users=()
  i=0
  for user in viewer monitor auditor admin; do
    users+=("--case-timeline.security.users[$i].name=$user" "--case-timeline.security.users[$i].password={noop}$user"
      "--case-timeline.security.users[$i].roles[0]=${user^^}")
    i=$((i + 1))
  done
  java -Xmx2g -jar "$jar" --server.port=$((port + 1)) --case-timeline.demo-data=false \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PGPORT/postgres" --spring.datasource.username=postgres \
    "${users[@]}" >> "$work/second-node.log" 2>&1 &
  second=$!
  until curl -sf "http://127.0.0.1:$((port + 1))/actuator/health" > /dev/null; do
    kill -0 "$second" 2>/dev/null || { tail -50 "$work/second-node.log"; exit 1; }
    sleep 1
  done
  generate "${quick[@]}" --rows two-nodes --api2 "http://127.0.0.1:$((port + 1))" > "$work/report.md"
  kill "$second"; wait "$second" 2>/dev/null || true
  stop_service
  cp "$work/report.md" "$results"
  cat "$results"
  echo "written to $results" >&2
  exit 0
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
  results="${results%.md}-tuning${shipped:+-shipped}.md"
  : > "$work/report.md"
else
  start_service "$work/main"
  install_message_db
  generate "${quick[@]}" "${emmett[@]}" --gateway-classpath "$gateway" > "$work/report.md"
  stop_service
fi

if [ "$tuning" != no ]; then
  # Each variant changes one setting of the shipped configuration, on a fresh database, measured with the same rows.
  variants=(
    "as shipped: case-status 2 segments on 2 threads, batch size 100, event store polled every 50 ms, Hikari pool 20|"
    "case-status 1 segment on 1 thread|--axon.eventhandling.processors.case-status.thread-count=1 --axon.eventhandling.processors.case-status.initial-segment-count=1"
    "case-status batch size 1 (Axon's default)|--axon.eventhandling.processors.case-status.batch-size=1"
    "event store polled every second (Axon's default)|--case-timeline.event-poll=PT1S"
    "Hikari pool 10 (Hikari's default)|--spring.datasource.hikari.maximum-pool-size=10"
    "no aggregate cache: every append replays its case from the store|--case-timeline.cached-cases=0"
  )
  {
    echo
    echo "## Tuning: one change at a time against the shipped configuration, each on a fresh database in this run"
    echo
    echo "Each variant starts a fresh JVM and runs 10 s of unmeasured appends first; each changes one setting of the shipped configuration."
    echo
    echo "| variant | REST appends/s, 16 clients | / INSERT ceiling | p99 ms at 200/s | errors | lag p99 ms | appends/s to a case of 2,000 facts, 1 client | import events/s | / COPY | rebuild events/s |"
    echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  } >> "$work/report.md"
  if [ -n "$shipped" ]; then
    variants=("${variants[0]}")
  fi
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
