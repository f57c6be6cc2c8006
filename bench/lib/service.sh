# Sourced by the bench scripts: start_service <jar> <port> [service arguments...] starts the service on a fresh
# embedded PostgreSQL in a temporary folder, waits until it answers, and stops it and removes the folder when the
# script exits. It sets $service (the process) and $data (the folder; its PostgreSQL runs from "$data/postgres").
start_service() {
  local jar=$1 port=$2
  shift 2
  data=$(mktemp -d)
  java -Xmx2g -jar "$jar" --server.port="$port" --case-timeline.data-dir="$data" --case-timeline.demo-data=false \
      "$@" > "$data.log" 2>&1 &
  service=$!
  trap 'kill $service 2>/dev/null || true; wait $service 2>/dev/null || true; rm -rf "$data" "$data.log"' EXIT
  until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do
    kill -0 $service 2>/dev/null || { echo "the service did not start: $(tail -5 "$data.log")" >&2; exit 1; }
    sleep 1
  done
}
