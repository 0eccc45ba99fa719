#!/usr/bin/env bash
# End-to-end-encryption key benchmarks (bench/keys_load.py) against the packaged server, on PostgreSQL and then on
# embedded H2: /keys/claim throughput and latency (1 and 10 clients), /keys/upload of 50 one-time keys, /keys/query of
# a room of 100 users with 2 devices each. Figures only, no pass/fail; about a minute per database.
# Usage: bench/keys.sh [path/to/quarkus-run.jar] [claim|upload|query ...]
# Env: BENCH_DBS ("postgresql h2"), BENCH_SECONDS (8, per claim run), BENCH_QUERY_USERS (100), BENCH_UPLOADS (200),
#      BENCH_QUERIES (200), BENCH_JAVA_OPTS.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="${1:-$HERE/../server/target/quarkus-app/quarkus-run.jar}"
shift || true
JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"
DB=zhihang_bench_keys
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
PID=""
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
stop_server() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null || true; PID=""; fi; }
cleanup() { stop_server; rm -rf "$WORK"; }
trap cleanup EXIT

command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
python3 -c 'import cryptography' 2>/dev/null || { apt-get update -qq && apt-get install -y -qq python3-cryptography >/dev/null; }

start_server() { # $1 = h2 | postgresql
  local env=(ZHIHANG_DATA_DIR="$WORK/data-$1" QUARKUS_HTTP_PORT="$PORT" QUARKUS_HTTP_HOST=127.0.0.1
             ZHIHANG_RATE_LIMITS_ENABLED=false ZHIHANG_DATABASE_KIND="$1"
             # cheap password hashes: only the set-up registers and logs in (the key endpoints hash nothing)
             ZHIHANG_PASSWORD_HASHING_MEMORY_KIB=1024 ZHIHANG_PASSWORD_HASHING_ITERATIONS=1)
  if [ "$1" = postgresql ]; then
    bash "$HERE/../.ci/pg-setup.sh" >/dev/null
    as_postgres psql -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB OWNER zhihang"
    env+=(ZHIHANG_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DB")
  fi
  env "${env[@]}" "$JAVA" ${BENCH_JAVA_OPTS:-} -jar "$JAR" > "$WORK/server-$1.log" 2>&1 &
  PID=$!
  local deadline=$((SECONDS + 90))
  until curl -fsS -o /dev/null "$BASE/_matrix/client/versions" 2>/dev/null; do
    kill -0 "$PID" 2>/dev/null || { echo "bench: server died"; tail -40 "$WORK/server-$1.log"; exit 1; }
    [ "$SECONDS" -lt "$deadline" ] || { echo "bench: server did not start"; tail -40 "$WORK/server-$1.log"; exit 1; }
    sleep 0.1
  done
}

for db in ${BENCH_DBS:-postgresql h2}; do
  echo "== Keys on $db ($(nproc) cores)"
  start_server "$db"
  python3 "$HERE/keys_load.py" "$BASE" "$@" || { tail -60 "$WORK/server-$db.log"; exit 1; }
  stop_server
done
