#!/usr/bin/env bash
# Benchmarks of the packaged server, printed as figures (no pass/fail thresholds):
#   cold start (first start on an empty data dir: migrations + key generation) and warm start, wall-clock to the
#   first HTTP 200; idle RSS; throughput and latency of /versions (no database) and /account/whoami (token check:
#   JWT signature + grant lookup), and of password login; RSS after load.
# Usage: bench/run.sh [path/to/quarkus-run.jar]   (JAVA_HOME must point at a JDK 21+; ./zhihang bench sets it)
# Env: BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 32), BENCH_DB (h2|postgresql, default h2)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="${1:-$HERE/../server/target/quarkus-app/quarkus-run.jar}"
JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"
SECONDS_PER_RUN="${BENCH_SECONDS:-10}"
CONNS="${BENCH_CONNECTIONS:-32}"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

if ! command -v wrk >/dev/null 2>&1; then
  echo "bench: installing wrk"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi
fi

now_ms() { date +%s%3N; }

start_server() { # $1 = label
  local t0 t1
  t0=$(now_ms)
  ZHIHANG_DATA_DIR="$WORK/data" QUARKUS_HTTP_PORT="$PORT" QUARKUS_HTTP_HOST=127.0.0.1 \
    ZHIHANG_RATE_LIMITS_ENABLED=false ZHIHANG_DATABASE_KIND="${BENCH_DB:-h2}" \
    "$JAVA" ${BENCH_JAVA_OPTS:-} -jar "$JAR" > "$WORK/server-$1.log" 2>&1 &
  PID=$!
  local deadline=$((SECONDS + 90))
  until curl -fsS -o /dev/null "$BASE/_matrix/client/versions" 2>/dev/null; do
    kill -0 "$PID" 2>/dev/null || { echo "bench: server died"; tail -40 "$WORK/server-$1.log"; exit 1; }
    [ "$SECONDS" -lt "$deadline" ] || { echo "bench: server did not start"; tail -40 "$WORK/server-$1.log"; exit 1; }
    sleep 0.05
  done
  t1=$(now_ms)
  printf '%-34s %6d ms (Quarkus: %s)\n' "$1 start, launch to first 200" "$((t1 - t0))" \
    "$(grep -o 'started in [0-9.]*s' "$WORK/server-$1.log" | head -n1)"
}

rss_mb() { echo $(( $(ps -o rss= -p "$PID") / 1024 )); }

stop_server() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }

load() { # $1 label, rest: wrk args
  local label=$1; shift
  local out
  out=$(wrk -t2 -c"$CONNS" -d"${SECONDS_PER_RUN}s" --latency "$@")
  printf '%-34s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n' "$label" \
    "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
    "$(echo "$out" | awk '$1=="50%" {print $2}')" \
    "$(echo "$out" | awk '$1=="99%" {print $2}')" \
    "$(echo "$out" | awk '/Non-2xx/ {print $5}' | grep . || echo 0)"
}

echo "== Zhihang benchmark: $(basename "$JAR"), $(nproc) cores, JDK $("$JAVA" -version 2>&1 | head -n1), db ${BENCH_DB:-h2}"
start_server "cold"
sleep 2
printf '%-34s %6d MB\n' "idle RSS after cold start" "$(rss_mb)"
stop_server
start_server "warm"
sleep 2
printf '%-34s %6d MB\n' "idle RSS after warm start" "$(rss_mb)"

TOKEN=$(curl -fsS -X POST "$BASE/_matrix/client/v3/register" -H 'Content-Type: application/json' \
  -d '{"username":"bench","password":"bench-password","auth":{"type":"m.login.dummy"}}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
cat > "$WORK/login.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"type":"m.login.password","identifier":{"type":"m.id.user","user":"bench"},"password":"bench-password"}'
LUA

# warm-up (JIT), not reported
wrk -t2 -c"$CONNS" -d3s "$BASE/_matrix/client/versions" >/dev/null
wrk -t2 -c"$CONNS" -d3s -H "Authorization: Bearer $TOKEN" "$BASE/_matrix/client/v3/account/whoami" >/dev/null

load "GET /versions (no db)" "$BASE/_matrix/client/versions"
load "GET /account/whoami (token check)" -H "Authorization: Bearer $TOKEN" "$BASE/_matrix/client/v3/account/whoami"
load "POST /login (Argon2id, new device)" -s "$WORK/login.lua" "$BASE/_matrix/client/v3/login"
printf '%-34s %6d MB\n' "RSS after load" "$(rss_mb)"
stop_server
