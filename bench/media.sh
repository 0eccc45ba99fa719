#!/usr/bin/env bash
# Media benchmarks (bench/media_load.py) against the packaged server on embedded H2 (media is files plus one row):
# upload throughput (1 MiB bodies, 1 and 8 clients), download throughput with wrk (10 KiB and 1 MiB, authenticated
# path), thumbnail first render and cached serving, and the server's RSS around a 45 MiB upload. Figures only.
# Usage: bench/media.sh [path/to/quarkus-run.jar]
# Env: BENCH_DB (h2 | postgresql; default h2), BENCH_SECONDS (8, per wrk run), BENCH_JAVA_OPTS (default -Xmx512m).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="${1:-$HERE/../server/target/quarkus-app/quarkus-run.jar}"
JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"
DB_KIND="${BENCH_DB:-h2}"
DB=zhihang_bench_media
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
PID=""
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
cleanup() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT

command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

env=(ZHIHANG_DATA_DIR="$WORK/data" QUARKUS_HTTP_PORT="$PORT" QUARKUS_HTTP_HOST=127.0.0.1
     ZHIHANG_RATE_LIMITS_ENABLED=false ZHIHANG_DATABASE_KIND="$DB_KIND"
     ZHIHANG_PASSWORD_HASHING_MEMORY_KIB=1024 ZHIHANG_PASSWORD_HASHING_ITERATIONS=1)
if [ "$DB_KIND" = postgresql ]; then
  bash "$HERE/../.ci/pg-setup.sh" >/dev/null
  as_postgres psql -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB OWNER zhihang"
  env+=(ZHIHANG_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DB")
fi
env "${env[@]}" "$JAVA" ${BENCH_JAVA_OPTS:--Xmx512m} -jar "$JAR" > "$WORK/server.log" 2>&1 &
PID=$!
deadline=$((SECONDS + 90))
until curl -fsS -o /dev/null "$BASE/_matrix/client/versions" 2>/dev/null; do
  kill -0 "$PID" 2>/dev/null || { echo "bench: server died"; tail -40 "$WORK/server.log"; exit 1; }
  [ "$SECONDS" -lt "$deadline" ] || { echo "bench: server did not start"; exit 1; }
  sleep 0.1
done
echo "== Media on $DB_KIND ($(nproc) cores, ${BENCH_JAVA_OPTS:--Xmx512m})"
BENCH_PID="$PID" python3 "$HERE/media_load.py" "$BASE" || { tail -60 "$WORK/server.log"; exit 1; }
