#!/usr/bin/env bash
# Friend API benchmarks (issue 17, bench/friends_load.py) against the packaged server, on PostgreSQL only:
# recommendations for a user U with 5,000 friends and 1,000 rooms (p50/p99/max), the same for a user with 10 friends,
# GET /friends paged through all 5,000 (limit 100 and 1000), and EXPLAIN ANALYZE of the recommendation query.
# Figures only, no pass/fail. Seeding takes a few minutes on 2 cores; the measures about a minute.
#
# Seeding: users registered and rooms made (createRoom, /join) through the API, 8 threads; the ~55,000 friendships
# are written with psql COPY into `friendships` (exactly the rows the API writes: user_a < user_b in Java
# code-point order, since_ts epoch ms), because through the API every accept opens a direct room, hours for this
# many. Hence PostgreSQL only: embedded H2 is locked by the running server, so nothing but the API can write to it.
#
# Usage: bench/friends.sh [path/to/quarkus-run.jar]   (build it: ./mvnw -o -B -q package -pl server -am -DskipTests)
# Env: BENCH_FRIENDS (5000), BENCH_ROOMS (1000), BENCH_STRANGERS (2000), BENCH_BIG_ROOMS (5), BENCH_BIG_MEMBERS (300),
#      BENCH_RECS (200), BENCH_WALKS (3), BENCH_THREADS (8), BENCH_SEED (17), BENCH_PLAN=1 (print the whole plan),
#      BENCH_JAVA_OPTS. The database zhihang_bench_friends is dropped and made anew on every run.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="${1:-$HERE/../server/target/quarkus-app/quarkus-run.jar}"
JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"
DB=zhihang_bench_friends
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
PID=""
if [ "$(id -u)" = 0 ]; then AS_POSTGRES="runuser -u postgres --"; else AS_POSTGRES="sudo -u postgres"; fi
stop_server() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null || true; PID=""; fi; }
cleanup() { stop_server; rm -rf "$WORK"; }
trap cleanup EXIT

bash "$HERE/../.ci/pg-setup.sh" >/dev/null
$AS_POSTGRES psql -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB OWNER zhihang"
env ZHIHANG_DATA_DIR="$WORK/data" QUARKUS_HTTP_PORT="$PORT" QUARKUS_HTTP_HOST=127.0.0.1 \
    ZHIHANG_RATE_LIMITS_ENABLED=false ZHIHANG_DATABASE_KIND=postgresql \
    ZHIHANG_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
    ZHIHANG_PASSWORD_HASHING_MEMORY_KIB=1024 ZHIHANG_PASSWORD_HASHING_ITERATIONS=1 \
    "$JAVA" ${BENCH_JAVA_OPTS:-} -jar "$JAR" > "$WORK/server.log" 2>&1 &
PID=$!
deadline=$((SECONDS + 90))
until curl -fsS -o /dev/null "$BASE/_matrix/client/versions" 2>/dev/null; do
  kill -0 "$PID" 2>/dev/null || { echo "bench: server died"; tail -40 "$WORK/server.log"; exit 1; }
  [ "$SECONDS" -lt "$deadline" ] || { echo "bench: server did not start"; tail -40 "$WORK/server.log"; exit 1; }
  sleep 0.1
done
echo "== Friends on postgresql ($(nproc) cores)"
if ! BENCH_PSQL="$AS_POSTGRES psql -d $DB" python3 "$HERE/friends_load.py" "$BASE"; then
  cp "$WORK/server.log" "${TMPDIR:-/tmp}/zhihang-bench-friends-server.log"
  echo "bench: failed; the server's first errors (whole log: ${TMPDIR:-/tmp}/zhihang-bench-friends-server.log):"
  grep -m3 -A12 ' ERROR ' "$WORK/server.log" || tail -60 "$WORK/server.log"
  exit 1
fi
