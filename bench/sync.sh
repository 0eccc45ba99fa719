#!/usr/bin/env bash
# Sync benchmarks (issue 4) on PostgreSQL: wake latency, incremental sync cost for 1 vs many rooms, initial sync of a
# user in many big rooms (lazy members), RSS with many idle long-polls. Figures only, no pass/fail.
# Usage: bench/sync.sh [path/to/quarkus-run.jar] [wake|incremental|initial|idle ...]
# Sizes: BENCH_ROOMS (300), BENCH_MEMBERS (300), BENCH_MANY_ROOMS (1000), BENCH_IDLE (1000), BENCH_WAKES (200).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="${1:-$HERE/../server/target/quarkus-app/quarkus-run.jar}"
shift || true
JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"
DB=zhihang_bench_sync
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
PID=""
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

bash "$HERE/../.ci/pg-setup.sh" >/dev/null
as_postgres psql -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB OWNER zhihang"
ulimit -n 65536 2>/dev/null || true
ZHIHANG_DATA_DIR="$WORK/data" QUARKUS_HTTP_PORT="$PORT" QUARKUS_HTTP_HOST=127.0.0.1 ZHIHANG_RATE_LIMITS_ENABLED=false \
  ZHIHANG_DATABASE_KIND=postgresql ZHIHANG_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
  "$JAVA" ${BENCH_JAVA_OPTS:-} -jar "$JAR" > "$WORK/server.log" 2>&1 &
PID=$!
deadline=$((SECONDS + 90))
until curl -fsS -o /dev/null "$BASE/_matrix/client/versions" 2>/dev/null; do
  kill -0 "$PID" 2>/dev/null || { echo "bench: server died"; tail -40 "$WORK/server.log"; exit 1; }
  [ "$SECONDS" -lt "$deadline" ] || { echo "bench: server did not start"; tail -40 "$WORK/server.log"; exit 1; }
  sleep 0.1
done
echo "== Sync on PostgreSQL"
python3 "$HERE/sync_load.py" "$BASE" "$PID" "$@" || { tail -60 "$WORK/server.log"; exit 1; }
