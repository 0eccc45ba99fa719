#!/usr/bin/env bash
# Real-client smoke tests of the Zhihang homeserver: matrix-js-sdk (e2e/js), matrix-nio
# (e2e/nio) and the synadm admin CLI (e2e/synadm) against a freshly started server.
#
# Usage: e2e/run.sh [path/to/quarkus-run.jar]
#   default jar: <repo>/server/target/quarkus-app/quarkus-run.jar (build it first)
# Environment:
#   JAVA                 java binary to use (else $JAVA_HOME/bin/java or the newest
#                        JDK >= 21 under /usr/lib/jvm, else java on PATH)
#   E2E_STARTUP_TIMEOUT  seconds to wait for the server (default 60)
# The server may preview URLs of 127.0.0.1 (zhihang.media.url-preview.ip-range-allowlist), where
# preview.test.mjs runs its own web server; every other internal address stays refused.
#
# Installs what is missing (npm ci in e2e/js; Debian's python3-matrix-nio, python3-olm and synadm),
# starts the server on a free loopback port with a fresh data dir, runs the js
# and nio tests, stops the server, and exits non-zero if anything failed.
set -euo pipefail

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$E2E_DIR/.." && pwd)"
JAR="${1:-$REPO_DIR/server/target/quarkus-app/quarkus-run.jar}"
STARTUP_TIMEOUT="${E2E_STARTUP_TIMEOUT:-60}"
SYS_PYTHON=/usr/bin/python3
NODE22="$E2E_DIR/js/node_modules/node/bin/node"

log() { printf '[e2e] %s\n' "$*"; }
die() { printf '[e2e] ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
    else die "need root (or sudo) to run: $*"
    fi
}

java_major() { # prints the major version of the java binary $1, or 0
    local v
    v="$("$1" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n1)" || true
    echo "${v:-0}"
}

find_java() {
    local candidates=() j best="" best_major=0 m
    [ -n "${JAVA:-}" ] && candidates+=("$JAVA")
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
    for j in /usr/lib/jvm/*/bin/java; do [ -x "$j" ] && candidates+=("$j"); done
    command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
    for j in "${candidates[@]}"; do
        [ -x "$j" ] || continue
        m="$(java_major "$j")"
        # An explicit JAVA / JAVA_HOME that is new enough wins over the scan.
        if [ "$m" -ge 21 ] && { [ "$j" = "${JAVA:-}" ] || [ "$j" = "${JAVA_HOME:-}/bin/java" ]; }; then
            echo "$j"; return 0
        fi
        if [ "$m" -gt "$best_major" ]; then best="$j"; best_major="$m"; fi
    done
    [ "$best_major" -ge 21 ] || return 1
    echo "$best"
}

# ---------------------------------------------------------------- installs
install_js() {
    local want have
    want="$(sed -n 's/.*"matrix-js-sdk": *"\([^"]*\)".*/\1/p' "$E2E_DIR/js/package.json")"
    have=""
    if [ -x "$NODE22" ] && [ -f "$E2E_DIR/js/node_modules/matrix-js-sdk/package.json" ]; then
        have="$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' \
            "$E2E_DIR/js/node_modules/matrix-js-sdk/package.json" | head -n1)"
    fi
    if [ -n "$want" ] && [ "$have" = "$want" ]; then
        log "js: matrix-js-sdk $have and Node $("$NODE22" --version) already installed"
        return 0
    fi
    command -v npm >/dev/null 2>&1 || die "npm not found"
    log "js: npm ci"
    (cd "$E2E_DIR/js" && npm ci --no-audit --no-fund --loglevel=error)
    [ -x "$NODE22" ] || die "npm ci did not install the Node 22 binary at $NODE22"
}

install_nio() {
    # nio's encryption (e2ee_nio.py) needs python3-olm; Debian's python3-matrix-nio depends on it.
    if [ -x "$SYS_PYTHON" ] && "$SYS_PYTHON" -c 'import nio, aiohttp, olm' >/dev/null 2>&1; then
        log "nio: python3-matrix-nio and python3-olm already installed"
        return 0
    fi
    log "nio: apt-get install python3-matrix-nio python3-olm"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-matrix-nio python3-olm >/dev/null
    "$SYS_PYTHON" -c 'import nio, aiohttp, olm' || die "python3-matrix-nio / python3-olm not importable after install"
    "$SYS_PYTHON" -c 'import sys, nio.crypto; sys.exit(0 if nio.crypto.ENCRYPTION_ENABLED else 1)' \
        || die "matrix-nio has no encryption support after installing python3-olm"
}

install_synadm() {
    if command -v synadm >/dev/null 2>&1; then
        log "synadm: $(dpkg-query -W -f='${Version}' synadm 2>/dev/null || echo present) already installed"
        return 0
    fi
    log "synadm: apt-get install synadm"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq synadm >/dev/null
    command -v synadm >/dev/null 2>&1 || die "synadm not found after install"
}

free_port() {
    "$SYS_PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# ---------------------------------------------------------------- server
WORK_DIR=""
SERVER_PID=""
SERVER_LOG=""
FAILED=0

stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        log "stopping server (pid $SERVER_PID)"
        kill "$SERVER_PID" 2>/dev/null || true
        local i
        for i in $(seq 1 100); do # up to 10 s, then SIGKILL
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill -0 "$SERVER_PID" 2>/dev/null && kill -9 "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}

print_server_log() {
    if [ -n "$SERVER_LOG" ] && [ -f "$SERVER_LOG" ]; then
        echo "----- server log (last 80 lines of $SERVER_LOG) -----"
        tail -n 80 "$SERVER_LOG" || true
        echo "----- end of server log -----"
    fi
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_server
    # Failed tests already printed the log; this is for a failure before or between them.
    if [ "$rc" -ne 0 ] && [ "$FAILED" -eq 0 ]; then print_server_log; fi
    [ -n "$WORK_DIR" ] && rm -rf "$WORK_DIR"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

START_TS=$(date +%s)
[ -f "$JAR" ] || die "server jar not found: $JAR (build the server first, or pass the jar as \$1)"
JAR="$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")"
JAVA_BIN="$(find_java)" || die "no Java >= 21 found (set JAVA or JAVA_HOME)"

install_js
install_nio
install_synadm

WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/zhihang-e2e.XXXXXX")"
# Run a private copy of the app so a rebuild during the run cannot pull it away:
# the whole quarkus-app directory (fast-jar layout), or else just the jar.
APP_DIR="$(dirname "$JAR")"
if [ -d "$APP_DIR/lib" ] && [ -d "$APP_DIR/quarkus" ]; then
    cp -r "$APP_DIR" "$WORK_DIR/app"
else
    mkdir -p "$WORK_DIR/app" && cp "$JAR" "$WORK_DIR/app/"
fi
mkdir -p "$WORK_DIR/data"
SERVER_LOG="$WORK_DIR/server.log"
PORT="$(free_port)"
BASE_URL="http://127.0.0.1:$PORT"

# Synapse's shared-secret registration, for the synadm test's admin (a fresh secret per run).
SHARED_SECRET="$("$SYS_PYTHON" -c 'import secrets; print(secrets.token_hex(16))')"

log "starting $JAR with $JAVA_BIN (Java $(java_major "$JAVA_BIN")) on $BASE_URL"
ZHIHANG_REGISTRATION_SHARED_SECRET="$SHARED_SECRET" \
ZHIHANG_DATA_DIR="$WORK_DIR/data" \
QUARKUS_HTTP_PORT="$PORT" \
QUARKUS_HTTP_HOST=127.0.0.1 \
ZHIHANG_RATE_LIMITS_ENABLED=false \
ZHIHANG_PUSH_IP_RANGE_ALLOWLIST=127.0.0.0/8 \
ZHIHANG_PASSWORD_HASHING_MEMORY_KIB=1024 \
ZHIHANG_PASSWORD_HASHING_ITERATIONS=1 \
ZHIHANG_MEDIA_URL_PREVIEW_IP_RANGE_ALLOWLIST=127.0.0.1/32 \
    "$JAVA_BIN" -jar "$WORK_DIR/app/$(basename "$JAR")" >"$SERVER_LOG" 2>&1 </dev/null &
SERVER_PID=$!

ready=0
deadline=$(( $(date +%s) + STARTUP_TIMEOUT ))
while [ "$(date +%s)" -lt "$deadline" ]; do
    kill -0 "$SERVER_PID" 2>/dev/null || die "server exited during startup"
    if "$SYS_PYTHON" - "$BASE_URL/_matrix/client/versions" <<'PY' 2>/dev/null
import sys, urllib.request, json
with urllib.request.urlopen(sys.argv[1], timeout=2) as r:
    sys.exit(0 if r.status == 200 and "versions" in json.load(r) else 1)
PY
    then ready=1; break; fi
    sleep 0.5
done
[ "$ready" -eq 1 ] || die "server not ready on $BASE_URL within ${STARTUP_TIMEOUT}s"
log "server ready after $(( $(date +%s) - START_TS ))s (since script start)"

# ---------------------------------------------------------------- tests
JS_OUT="$WORK_DIR/js.out"
NIO_OUT="$WORK_DIR/nio.out"

log "== matrix-js-sdk test (e2e/js) =="
js_rc=0
# Every *.test.mjs in e2e/js (smoke, rooms, ...); node runs the files in parallel
# processes and prints one summary over all of them.
(cd "$E2E_DIR/js" && ZHIHANG_BASE_URL="$BASE_URL" timeout 300 \
    "$NODE22" --test --test-reporter=spec --test-timeout=60000 ./*.test.mjs) 2>&1 | tee "$JS_OUT" || js_rc=$?

log "== matrix-nio tests (e2e/nio) =="
nio_rc=0
# Every *_nio.py in e2e/nio (smoke, e2ee, ...), one after the other; each ends with "N passed, M failed".
for nio_test in "$E2E_DIR"/nio/*_nio.py; do
    log "-- $(basename "$nio_test")"
    (cd "$E2E_DIR/nio" && ZHIHANG_BASE_URL="$BASE_URL" timeout 300 \
        "$SYS_PYTHON" "$(basename "$nio_test")") 2>&1 | tee -a "$NIO_OUT" || nio_rc=$?
done

log "== synadm (e2e/synadm) =="
SYNADM_OUT="$WORK_DIR/synadm.out"
synadm_rc=0
(cd "$E2E_DIR/synadm" && ZHIHANG_BASE_URL="$BASE_URL" ZHIHANG_SHARED_SECRET="$SHARED_SECRET" timeout 300 \
    "$SYS_PYTHON" synadm_test.py) 2>&1 | tee "$SYNADM_OUT" || synadm_rc=$?

stop_server

# Counts: node's spec reporter prints "ℹ pass N" / "ℹ fail N"; nio prints "N passed, M failed".
count() { sed -n "$1" "$2" | tail -n1; }
js_pass="$(count 's/^ℹ pass \([0-9][0-9]*\)$/\1/p' "$JS_OUT")"
js_fail="$(count 's/^ℹ fail \([0-9][0-9]*\)$/\1/p' "$JS_OUT")"
# TODO tests (t.todo(): waiting for an endpoint not merged yet) may fail without failing the run.
js_todo="$(count 's/^ℹ todo \([0-9][0-9]*\)$/\1/p' "$JS_OUT")"
# Summed over the nio test files' summary lines.
sum_lines() { sed -n "$1" "$2" | awk '{ s += $1; n++ } END { if (n) print s }'; }
nio_pass="$(sum_lines 's/^\([0-9][0-9]*\) passed, [0-9][0-9]* failed$/\1/p' "$NIO_OUT")"
nio_fail="$(sum_lines 's/^[0-9][0-9]* passed, \([0-9][0-9]*\) failed$/\1/p' "$NIO_OUT")"
synadm_pass="$(sum_lines 's/^\([0-9][0-9]*\) passed, [0-9][0-9]* failed$/\1/p' "$SYNADM_OUT")"
synadm_fail="$(sum_lines 's/^[0-9][0-9]* passed, \([0-9][0-9]*\) failed$/\1/p' "$SYNADM_OUT")"
# A runner that died without its summary (or exited non-zero) counts as one failure more.
[ -n "$js_fail" ] || js_fail=0
[ -n "$nio_fail" ] || nio_fail=0
[ -n "$synadm_fail" ] || synadm_fail=0
if [ "$js_rc" -ne 0 ] && [ "$js_fail" -eq 0 ]; then js_fail=1; fi
if [ "$nio_rc" -ne 0 ] && [ "$nio_fail" -eq 0 ]; then nio_fail=1; fi
if [ "$synadm_rc" -ne 0 ] && [ "$synadm_fail" -eq 0 ]; then synadm_fail=1; fi
total_pass=$(( ${js_pass:-0} + ${nio_pass:-0} + ${synadm_pass:-0} ))
total_fail=$(( js_fail + nio_fail + synadm_fail ))

if [ "$total_fail" -ne 0 ]; then
    FAILED=1
    print_server_log
fi
log "js: rc=$js_rc pass=${js_pass:-?} fail=$js_fail todo=${js_todo:-0}; nio: rc=$nio_rc pass=${nio_pass:-?} fail=$nio_fail; synadm: rc=$synadm_rc pass=${synadm_pass:-?} fail=$synadm_fail; took $(( $(date +%s) - START_TS ))s"
todo_note=""
if [ "${js_todo:-0}" -gt 0 ]; then todo_note=", $js_todo todo"; fi
echo "e2e: $total_pass passed, $total_fail failed$todo_note"
[ "$total_fail" -eq 0 ]
