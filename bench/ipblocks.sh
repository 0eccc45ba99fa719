#!/usr/bin/env bash
# What the IP block check (AddressGate, the first handler of every request) adds to a request: wrk on
# GET /_matrix/client/versions against the packaged server on PostgreSQL, first with no blocks, then with 10,000
# blocked ranges (IPv4 /24../32 and IPv6 /48../128, none covering the client), loaded at startup. Loopback is not
# exempted here, so every request walks the trie; before that, the check alone in process (bench/IpBlockCheck.java).
# Figures only (p50/p99 and requests/s), no pass/fail.
# Usage: bench/ipblocks.sh [path/to/quarkus-run.jar]
# Env: BENCH_SECONDS (10), BENCH_CONNECTIONS (32), BENCH_RANGES (10000), BENCH_JAVA_OPTS.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="${1:-$HERE/../server/target/quarkus-app/quarkus-run.jar}"
JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"
DB=zhihang_bench_ipblocks
RANGES=${BENCH_RANGES:-10000}
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
PID=""
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
stop_server() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null || true; PID=""; fi; }
cleanup() { stop_server; rm -rf "$WORK"; }
trap cleanup EXIT

command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

start_server() {
  env ZHIHANG_DATA_DIR="$WORK/data" QUARKUS_HTTP_PORT="$PORT" QUARKUS_HTTP_HOST=127.0.0.1 \
      ZHIHANG_RATE_LIMITS_ENABLED=false ZHIHANG_DATABASE_KIND=postgresql \
      ZHIHANG_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" ZHIHANG_SECURITY_EXEMPT_LOOPBACK=false \
      "$JAVA" ${BENCH_JAVA_OPTS:-} -jar "$JAR" > "$WORK/server.log" 2>&1 &
  PID=$!
  local deadline=$((SECONDS + 90))
  until curl -fsS -o /dev/null "$BASE/_matrix/client/versions" 2>/dev/null; do
    kill -0 "$PID" 2>/dev/null || { echo "bench: server died"; tail -40 "$WORK/server.log"; exit 1; }
    [ "$SECONDS" -lt "$deadline" ] || { echo "bench: server did not start"; tail -40 "$WORK/server.log"; exit 1; }
    sleep 0.1
  done
}

measure() { # $1 = label
  wrk -t2 -c"${BENCH_CONNECTIONS:-32}" -d2s "$BASE/_matrix/client/versions" >/dev/null # warm-up
  wrk -t2 -c"${BENCH_CONNECTIONS:-32}" -d"${BENCH_SECONDS:-10}s" --latency "$BASE/_matrix/client/versions" \
    > "$WORK/wrk.txt"
  local p50 p99 rps
  p50=$(awk '$1=="50%"{print $2}' "$WORK/wrk.txt")
  p99=$(awk '$1=="99%"{print $2}' "$WORK/wrk.txt")
  rps=$(awk '/Requests\/sec/{print $2}' "$WORK/wrk.txt")
  printf '%-22s p50 %-9s p99 %-9s %s req/s\n' "$1" "$p50" "$p99" "$rps"
}

DOMAIN_JAR=$(ls "$(dirname "$JAR")"/lib/main/io.zhihang.zhihang-domain-*.jar)
echo "== The check alone, in process"
"$JAVA" -cp "$DOMAIN_JAR" "$HERE/IpBlockCheck.java"
bash "$HERE/../.ci/pg-setup.sh" >/dev/null
as_postgres psql -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB OWNER zhihang"
echo "== IP block check, GET /_matrix/client/versions ($(nproc) cores, wrk from 127.0.0.1, loopback not exempt)"
start_server
measure "0 blocked ranges"
stop_server
# half IPv4 (10.0.0.0/8 and up, prefixes 24..32), half IPv6 (2001:db8::/32, prefixes 48..128); none covers 127.0.0.1
as_postgres psql -q -d "$DB" -c "
  INSERT INTO ip_blocks (range_text, reason, created_by, created_ts)
  SELECT CASE WHEN i % 2 = 0
           THEN (10 + i / 65536) || '.' || (i / 256 % 256) || '.' || (i % 256) || '.0/' || (24 + i % 9)
           ELSE '2001:db8:' || to_hex(i) || ':0:0:0:0:0/' || (48 + i % 81)
         END, 'bench', '@bench:localhost', 0
  FROM generate_series(1, $RANGES) AS i"
start_server
count=$(as_postgres psql -qtA -d "$DB" -c "SELECT COUNT(*) FROM ip_blocks")
measure "$count blocked ranges"
stop_server
