#!/usr/bin/env bash
# Send benchmark (issue 3): messages/s and latency of PUT /rooms/{id}/send into ONE room, from 1 and from 10
# concurrent clients, on PostgreSQL, beside PostgreSQL's own single-row insert-and-commit rate measured in the same
# run with pgbench (prints the ratio), then the same on the embedded H2 default. Every acknowledged send is durable
# on both (H2 runs with WRITE_DELAY=0). No pass/fail: figures only.
# BENCH_DATABASES="postgresql h2" (the default) picks the databases; BENCH_H2_URL overrides H2's JDBC URL, e.g. to
# compare with H2's own write delay.
# Usage: bench/send.sh [path/to/quarkus-run.jar]   (JAVA_HOME must point at a JDK 21+; ./zhihang bench-send sets it)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="${1:-$HERE/../server/target/quarkus-app/quarkus-run.jar}"
JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"
SECS="${BENCH_SECONDS:-10}"
DB=zhihang_bench
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
PID=""
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
cleanup() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT

bash "$HERE/../.ci/pg-setup.sh" >/dev/null
command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
PGDB=zhihang_bench_pgbench
as_postgres psql -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB OWNER zhihang" \
  -c "DROP DATABASE IF EXISTS $PGDB" -c "CREATE DATABASE $PGDB OWNER zhihang"

echo "== PostgreSQL baseline: one-row INSERT + COMMIT per transaction (pgbench, ${SECS}s)"
cat > "$WORK/insert.sql" <<'SQL'
INSERT INTO bench_rows (payload) VALUES (repeat('x', 200));
SQL
PGPASSWORD=zhihang psql -q -h 127.0.0.1 -U zhihang -d "$PGDB" -c "CREATE TABLE bench_rows (id BIGSERIAL PRIMARY KEY, payload TEXT)"
pg_rate() { PGPASSWORD=zhihang pgbench -n -h 127.0.0.1 -U zhihang -c "$1" -j "$1" -T "$SECS" -f "$WORK/insert.sql" "$PGDB" 2>/dev/null \
  | awk '/^tps/ {print int($3)}'; }
PG1=$(pg_rate 1); PG10=$(pg_rate 10)
printf '%-40s %8s tx/s\n' "pgbench insert+commit, 1 client" "$PG1" "pgbench insert+commit, 10 clients" "$PG10"

start_server() { # $1 database kind; the rest: extra environment
  local kind=$1; shift
  rm -rf "$WORK/data"
  env ZHIHANG_DATA_DIR="$WORK/data" QUARKUS_HTTP_PORT="$PORT" QUARKUS_HTTP_HOST=127.0.0.1 ZHIHANG_RATE_LIMITS_ENABLED=false \
    ZHIHANG_DATABASE_KIND="$kind" "$@" "$JAVA" ${BENCH_JAVA_OPTS:-} -jar "$JAR" > "$WORK/server-$kind.log" 2>&1 &
  PID=$!
  local deadline=$((SECONDS + 90))
  until curl -fsS -o /dev/null "$BASE/_matrix/client/versions" 2>/dev/null; do
    kill -0 "$PID" 2>/dev/null || { echo "bench: server died"; tail -40 "$WORK/server-$kind.log"; exit 1; }
    [ "$SECONDS" -lt "$deadline" ] || { echo "bench: server did not start"; tail -40 "$WORK/server-$kind.log"; exit 1; }
    sleep 0.1
  done
  TOKEN=$(curl -fsS -X POST "$BASE/_matrix/client/v3/register" -H 'Content-Type: application/json' \
    -d '{"username":"sender","password":"bench-password","auth":{"type":"m.login.dummy"}}' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  ROOM=$(curl -fsS -X POST "$BASE/_matrix/client/v3/createRoom" -H "Authorization: Bearer $TOKEN" -d '{"name":"bench"}' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["room_id"])')
  # Each run's txn ids start with its own prefix (RUN): a repeated txn id is answered from the first send's record
  # without storing anything, so runs that reused ids (as an unseeded math.random does) measured replays, not sends.
  cat > "$WORK/send.lua" <<LUA
local n = 0
local room = "$ROOM"
local prefix = os.getenv("RUN")
request = function()
  n = n + 1
  return wrk.format("PUT", "/_matrix/client/v3/rooms/" .. room .. "/send/m.room.message/" .. prefix .. "-" .. n,
    {["Authorization"] = "Bearer $TOKEN", ["Content-Type"] = "application/json"},
    '{"msgtype":"m.text","body":"benchmark message with a realistic length of about sixty bytes"}')
end
LUA
  # Warm-up, not reported: the JIT needs tens of seconds on two cores before the figures settle.
  RUN=warm wrk -t1 -c10 -d"${BENCH_WARMUP_SECONDS:-30}s" -s "$WORK/send.lua" "$BASE" >/dev/null
}
stop_server() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=""; }

send_run() { # $1 connections
  local before after out; before=$(event_count)
  out=$(RUN="c$1-$RANDOM" wrk -t1 -c"$1" -d"${SECS}s" --latency -s "$WORK/send.lua" "$BASE")
  after=$(event_count)
  local rate p50 p99 errors
  rate=$(echo "$out" | awk '/Requests\/sec/ {print int($2)}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}'); p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/ {print $5}'); errors=${errors:-0}
  echo "$rate $p50 $p99 $errors $((after - before))"
}
report() { # $1 label, $2 pgbench rate or -, then send_run's figures
  local label=$1 base=$2 rate=$3 p50=$4 p99=$5 errors=$6 stored=$7 ratio=""
  [ "$base" != - ] && ratio="   ratio to pgbench $(python3 -c "print(round($rate/$base, 2))")"
  printf '%-40s %8s msg/s   p50 %8s   p99 %8s   non-2xx %s   events stored %s%s\n' "$label" "$rate" "$p50" "$p99" "$errors" "$stored" "$ratio"
}

for kind in ${BENCH_DATABASES:-postgresql h2}; do
  case "$kind" in
    postgresql)
      start_server postgresql ZHIHANG_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DB"
      event_count() { PGPASSWORD=zhihang psql -h 127.0.0.1 -U zhihang -d "$DB" -Atc "SELECT count(*) FROM events"; }
      echo "== Sending into one room on PostgreSQL (wrk, ${SECS}s each, after a ${BENCH_WARMUP_SECONDS:-30}s warm-up)"
      report "1 client" "$PG1" $(send_run 1)
      report "10 clients" "$PG10" $(send_run 10) ;;
    h2)
      if [ -n "${BENCH_H2_URL:-}" ]; then start_server h2 QUARKUS_DATASOURCE__H2__JDBC_URL="$BENCH_H2_URL"; else start_server h2; fi
      # H2 is embedded: no second process may open its file to count the events, so that column says n/a.
      event_count() { echo 0; }
      echo "== Sending into one room on embedded H2 (wrk, ${SECS}s each, after a ${BENCH_WARMUP_SECONDS:-30}s warm-up)"
      read -r S1 L50 L99 E1 _ <<<"$(send_run 1)"; report "1 client" - "$S1" "$L50" "$L99" "$E1" "n/a"
      read -r S10 M50 M99 E10 _ <<<"$(send_run 10)"; report "10 clients" - "$S10" "$M50" "$M99" "$E10" "n/a" ;;
    *) echo "bench: unknown database $kind (postgresql or h2)"; exit 1 ;;
  esac
  stop_server
done
