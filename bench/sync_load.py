#!/usr/bin/env python3
"""Sync benchmarks (issue 4), printed as figures, no pass/fail:
  1. wake latency: Bob long-polls /sync; Alice sends; time from the start of Alice's send to Bob's sync returning
     with the message (p50/p99), and from the end of her send (the part the server adds after committing);
  2. incremental sync cost for a user in 1 vs N rooms when one room changed (should be flat);
  3. initial sync of a user in R rooms of M members with lazy members and timeline limit 20;
  4. RSS of the server with C idle long-polling clients.
Usage: sync_load.py BASE_URL SERVER_PID   (env: BENCH_ROOMS, BENCH_MEMBERS, BENCH_MANY_ROOMS, BENCH_IDLE, BENCH_WAKES)
"""
import http.client, json, os, sys, threading, time, urllib.parse, uuid
from concurrent.futures import ThreadPoolExecutor

BASE = urllib.parse.urlparse(sys.argv[1])
PID = int(sys.argv[2])
ROOMS = int(os.environ.get("BENCH_ROOMS", "300"))
MEMBERS = int(os.environ.get("BENCH_MEMBERS", "300"))
MANY = int(os.environ.get("BENCH_MANY_ROOMS", "1000"))
IDLE = int(os.environ.get("BENCH_IDLE", "1000"))
WAKES = int(os.environ.get("BENCH_WAKES", "200"))
RUN = uuid.uuid4().hex[:6]
local = threading.local()


def conn():
    c = getattr(local, "c", None)
    if c is None:
        c = local.c = http.client.HTTPConnection(BASE.hostname, BASE.port, timeout=600)
    return c


def call(method, path, token=None, body=None, c=None):
    c = c or conn()
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    c.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
    r = c.getresponse()
    data = r.read()
    if r.status != 200:
        raise RuntimeError(f"{method} {path} -> {r.status} {data[:300]!r}")
    return json.loads(data)


def register(name):
    return call("POST", "/_matrix/client/v3/register",
                body={"username": f"{name}-{RUN}", "password": "bench-password", "auth": {"type": "m.login.dummy"}})


def create_room(token, **body):
    return call("POST", "/_matrix/client/v3/createRoom", token, body)["room_id"]


def join(token, room):
    call("POST", f"/_matrix/client/v3/rooms/{urllib.parse.quote(room)}/join", token, {})


txn = [0]


def send(token, room, text):
    txn[0] += 1
    return call("PUT", f"/_matrix/client/v3/rooms/{urllib.parse.quote(room)}/send/m.room.message/b{txn[0]}-{time.time_ns()}",
                token, {"msgtype": "m.text", "body": text})["event_id"]


def sync(token, since=None, timeout=0, filt=None, c=None):
    q = {"timeout": str(timeout)}
    if since:
        q["since"] = since
    if filt:
        q["filter"] = json.dumps(filt)
    return call("GET", "/_matrix/client/v3/sync?" + urllib.parse.urlencode(q), token, c=c)


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def rss_mb():
    with open(f"/proc/{PID}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return -1


def bench_wake():
    alice, bob = register("wa")["access_token"], register("wb")["access_token"]
    room = create_room(alice, preset="public_chat")
    join(bob, room)
    token = sync(bob)["next_batch"]
    bob_conn = http.client.HTTPConnection(BASE.hostname, BASE.port, timeout=60)
    from_start, after_send = [], []
    for i in range(WAKES + 10):
        box = {}
        waiting = threading.Event()

        def poll():
            waiting.set()
            box["r"] = sync(bob, token, 30000, c=bob_conn)
            box["t"] = time.perf_counter()
        t = threading.Thread(target=poll)
        t.start()
        waiting.wait(5)
        time.sleep(0.005)  # let the poll reach the server and park; this is the scenario measured, not a sync point
        t0 = time.perf_counter()
        send(alice, room, f"wake {i}")
        t1 = time.perf_counter()
        t.join(30)
        token = box["r"]["next_batch"]
        if i >= 10:  # warm-up excluded
            from_start.append((box["t"] - t0) * 1000)
            after_send.append((box["t"] - t1) * 1000)
    print(f"{'wake latency, send start -> sync returns':48} p50 {pct(from_start, 50):6.2f} ms   p99 {pct(from_start, 99):6.2f} ms   (n={WAKES})")
    print(f"{'wake latency, send response -> sync returns':48} p50 {pct(after_send, 50):6.2f} ms   p99 {pct(after_send, 99):6.2f} ms")


def bench_incremental():
    results = {}
    for n in (1, MANY):
        user = register(f"inc{n}")["access_token"]
        with ThreadPoolExecutor(4) as pool:
            rooms = list(pool.map(lambda _: create_room(user), range(n)))
        token = sync(user, filt={"room": {"timeline": {"limit": 1}}})["next_batch"]
        times = []
        for i in range(200):
            send(user, rooms[i % n], f"inc {i}")
            t0 = time.perf_counter()
            r = sync(user, token)
            times.append((time.perf_counter() - t0) * 1000)
            token = r["next_batch"]
        times = times[50:]  # the first 50 warm the JIT
        results[n] = times
        print(f"{'incremental sync, one room changed, user in ' + str(n) + ' rooms':48} p50 {pct(times, 50):6.2f} ms   p99 {pct(times, 99):6.2f} ms")
    print(f"{'ratio ' + str(MANY) + ' rooms / 1 room (p50)':48} {pct(results[MANY], 50) / pct(results[1], 50):.2f}")


def bench_initial():
    t0 = time.perf_counter()
    users = []
    with ThreadPoolExecutor(8) as pool:
        users = list(pool.map(lambda i: register(f"m{i}")["access_token"], range(MEMBERS)))
    owner = users[0]
    with ThreadPoolExecutor(4) as pool:
        rooms = list(pool.map(lambda i: create_room(owner, preset="public_chat", name=f"room {i}"), range(ROOMS)))
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda ur: join(ur[0], ur[1]), [(u, r) for r in rooms for u in users[1:]]))
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda r: [send(users[(i * 7) % MEMBERS], r, f"history {i}") for i in range(5)], rooms))
    print(f"{'setup: ' + str(ROOMS) + ' rooms x ' + str(MEMBERS) + ' members':48} {time.perf_counter() - t0:6.1f} s")
    filt = {"room": {"timeline": {"limit": 20}, "state": {"lazy_load_members": True}}}
    times = []
    for _ in range(4):
        t0 = time.perf_counter()
        r = sync(users[-1], filt=filt)
        times.append((time.perf_counter() - t0) * 1000)
    assert len(r["rooms"]["join"]) == ROOMS, len(r["rooms"]["join"])
    size = len(json.dumps(r))
    print(f"{'initial sync, lazy members, limit 20 (first)':48} {times[0]:8.0f} ms")
    print(f"{'initial sync, lazy members, limit 20 (warm, best)':48} {min(times[1:]):8.0f} ms   ({size // 1024} KiB)")


def bench_idle():
    users = []
    with ThreadPoolExecutor(8) as pool:
        users = list(pool.map(lambda i: register(f"idle{i}")["access_token"], range(IDLE)))
    tokens = {}
    for u in users:
        tokens[u] = sync(u)["next_batch"]
    before = rss_mb()
    stop = threading.Event()
    conns = []

    def idle(u):
        c = http.client.HTTPConnection(BASE.hostname, BASE.port, timeout=120)
        conns.append(c)
        try:
            sync(u, tokens[u], 60000, c=c)
        except Exception:
            pass
    threads = [threading.Thread(target=idle, args=(u,), daemon=True) for u in users]
    for t in threads:
        t.start()
    time.sleep(5)  # let them all park (measurement point, not synchronisation)
    during = rss_mb()
    print(f"{'RSS before / with ' + str(IDLE) + ' idle long-polls':48} {before} MB / {during} MB")
    for c in conns:
        try:
            c.sock.shutdown(2)
        except Exception:
            pass


which = sys.argv[3:] or ["wake", "incremental", "initial", "idle"]
for name in which:
    {"wake": bench_wake, "incremental": bench_incremental, "initial": bench_initial, "idle": bench_idle}[name]()
