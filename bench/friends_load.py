#!/usr/bin/env python3
"""Friend API benchmarks (issue 17), printed as figures, no pass/fail:
  1. GET /_synapse/enhanced/friend/recommendations/{U}?limit=10 for a user U with BENCH_FRIENDS friends (5,000) and
     BENCH_ROOMS joined rooms (1,000): p50/p99/max over BENCH_RECS sequential requests after a warm-up;
  2. the same for a user V with 10 friends and a few small rooms (the common case);
  3. GET /_synapse/enhanced/friends/{U} paged through all of U's friends with limit=100 and limit=1000: per-page
     p50/p99 and the time of a full walk;
  4. EXPLAIN (ANALYZE, BUFFERS) of the recommendation query for U on PostgreSQL (the query text and its caps read
     from JdbcFriendshipRepository.java): execution time and the plan nodes with the most rows.

Seeding (timed and printed): every user is registered through the API (/register with m.login.dummy, BENCH_THREADS
in parallel); the rooms are made through the API (U's createRoom, the others' /join). The friendships are NOT made
through the API (each accept opens a direct room: 55,000 of them would take hours); they are written with psql's COPY
into `friendships`, exactly as the API writes them: one row per pair, user_a < user_b in Java code-point order,
since_ts in epoch milliseconds. Then every table is ANALYZEd, as autovacuum would after such a load.
  - U is friends with F_1..F_n (since_ts increasing, so the 500 most recent are a definite subset);
  - each friend F_i has 5..15 friends among BENCH_STRANGERS strangers, picked with a skew (a few strangers are
    popular, most are not), so friends-of-friends exist and their mutual counts vary; and 2 friends among F;
  - V is friends with 10 friends of U chosen at random;
  - U's rooms: all but BENCH_BIG_ROOMS have 2..20 members (U and others drawn from F and the strangers), the big
    ones BENCH_BIG_MEMBERS (300) members, above the recommendation's per-room cap of 100; V has 10 rooms of 2..10.

Usage: friends_load.py BASE_URL   (env BENCH_PSQL: the psql command line for the bench database, e.g.
       "runuser -u postgres -- psql -d zhihang_bench_friends"; the other knobs: BENCH_FRIENDS (5000), BENCH_ROOMS
       (1000), BENCH_STRANGERS (2000), BENCH_BIG_ROOMS (5), BENCH_BIG_MEMBERS (300), BENCH_RECS (200),
       BENCH_WALKS (3), BENCH_THREADS (8), BENCH_SEED (17), BENCH_PLAN=1 prints the whole plan)
"""
import http.client, io, json, os, random, re, shlex, subprocess, sys, threading, time, urllib.parse, uuid
from concurrent.futures import ThreadPoolExecutor

BASE = urllib.parse.urlparse(sys.argv[1])
PSQL = shlex.split(os.environ["BENCH_PSQL"]) + ["-X", "-q", "-v", "ON_ERROR_STOP=1"]
FRIENDS = int(os.environ.get("BENCH_FRIENDS", "5000"))
ROOMS = int(os.environ.get("BENCH_ROOMS", "1000"))
STRANGERS = int(os.environ.get("BENCH_STRANGERS", "2000"))
BIG_ROOMS = int(os.environ.get("BENCH_BIG_ROOMS", "5"))
BIG_MEMBERS = int(os.environ.get("BENCH_BIG_MEMBERS", "300"))
RECS = int(os.environ.get("BENCH_RECS", "200"))
WALKS = int(os.environ.get("BENCH_WALKS", "3"))
THREADS = int(os.environ.get("BENCH_THREADS", "8"))
RNG = random.Random(int(os.environ.get("BENCH_SEED", "17")))
REPO = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "adapters-persistence", "src", "main", "java",
                    "io", "zhihang", "adapter", "persistence", "friendship", "JdbcFriendshipRepository.java")
RUN = uuid.uuid4().hex[:6]
local = threading.local()


def conn():
    c = getattr(local, "c", None)
    if c is None:
        c = local.c = http.client.HTTPConnection(BASE.hostname, BASE.port, timeout=300)
    return c


def call(method, path, token=None, body=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    for attempt in (1, 2):
        c = conn()
        try:
            c.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
            r = c.getresponse()
            data = r.read()
            break
        except (ConnectionError, http.client.HTTPException):
            c.close()
            local.c = None
            if attempt == 2:
                raise
    if r.status != 200:
        raise RuntimeError(f"{method} {path} -> {r.status} {data[:300]!r}")
    return json.loads(data)


def q(user_id):
    return urllib.parse.quote(user_id, safe="")


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def row(label, text):
    print(f"{label:66} {text}", flush=True)


def timed(label, fn):
    t0 = time.perf_counter()
    out = fn()
    row(f"  seed: {label}", f"{time.perf_counter() - t0:7.1f} s")
    return out


def parallel(fn, items):
    with ThreadPoolExecutor(THREADS) as pool:
        return list(pool.map(fn, items))


def psql(sql_text):
    out = subprocess.run(PSQL, input=sql_text, text=True, capture_output=True)
    if out.returncode != 0:
        raise RuntimeError(f"psql failed: {out.stderr[:2000]}")
    return out.stdout


# ---------------------------------------------------------------- seeding

def register(name):
    r = call("POST", "/_matrix/client/v3/register",
             body={"username": f"{name}-{RUN}", "password": "bench-password", "auth": {"type": "m.login.dummy"}})
    return r["user_id"], r["access_token"]


def friendship_rows(u, v, friends, strangers):
    """(user_a, user_b, since_ts) per pair, the smaller id first (Python compares str by code point, as Java does
    for these ASCII ids)."""
    base = int(time.time() * 1000) - 10_000_000
    pairs = {}

    def add(a, b, ts):
        if a != b:
            pairs.setdefault((min(a, b), max(a, b)), ts)

    for i, f in enumerate(friends):
        add(u, f, base + i)  # the later friends are the most recent
    for i, f in enumerate(friends):
        for _ in range(RNG.randint(5, 15)):  # a skew: low indices are far more likely (popular strangers)
            add(f, strangers[int(len(strangers) * RNG.random() ** 2)], base + RNG.randrange(10_000_000))
        for other in RNG.sample(friends, 2):
            add(f, other, base + RNG.randrange(10_000_000))
    for f in RNG.sample(friends, 10):
        add(v, f, base + RNG.randrange(10_000_000))
    return [(a, b, ts) for (a, b), ts in pairs.items()]


def copy_friendships(rows):
    buf = io.StringIO()
    buf.write("COPY friendships (user_a, user_b, since_ts) FROM STDIN;\n")
    for a, b, ts in rows:
        buf.write(f"{a}\t{b}\t{ts}\n")
    buf.write("\\.\nANALYZE;\n")
    psql(buf.getvalue())


def make_rooms(owner_token, sizes, pool, label):
    """The owner creates one public room per size; then pool members join until each room has its size."""
    room_ids = timed(f"{len(sizes)} rooms of {label} created (createRoom)",
                     lambda: parallel(lambda _: call("POST", "/_matrix/client/v3/createRoom", owner_token,
                                                     {"preset": "public_chat"})["room_id"], sizes))
    joins = []
    for room, size in zip(room_ids, sizes):
        joins += [(room, token) for _, token in RNG.sample(pool, size - 1)]
    RNG.shuffle(joins)
    timed(f"{len(joins)} joins into them (/join)",
          lambda: parallel(lambda j: call("POST", f"/_matrix/client/v3/rooms/{q(j[0])}/join", j[1], {}), joins))
    return room_ids


def seed():
    t0 = time.perf_counter()
    names = ["u", "v"] + [f"f{i:05d}" for i in range(FRIENDS)] + [f"s{i:05d}" for i in range(STRANGERS)]
    users = timed(f"{len(names)} users registered (/register, {THREADS} threads)", lambda: parallel(register, names))
    u, v, friends, strangers = users[0], users[1], users[2:2 + FRIENDS], users[2 + FRIENDS:]
    rows = friendship_rows(u[0], v[0], [f[0] for f in friends], [s[0] for s in strangers])
    timed(f"{len(rows)} friendships (psql COPY) + ANALYZE", lambda: copy_friendships(rows))
    pool = friends + strangers
    sizes = [BIG_MEMBERS] * BIG_ROOMS + [RNG.randint(2, 20) for _ in range(ROOMS - BIG_ROOMS)]
    make_rooms(u[1], sizes, pool, f"U ({BIG_ROOMS} x {BIG_MEMBERS} members, the rest 2..20)")
    make_rooms(v[1], [RNG.randint(2, 10) for _ in range(10)], pool, "V (2..10 members)")
    psql("ANALYZE;")
    row("  seed: total", f"{time.perf_counter() - t0:7.1f} s")
    return u, v


# ---------------------------------------------------------------- measures

def bench_recommendations(label, user, token):
    path = f"/_synapse/enhanced/friend/recommendations/{q(user)}?limit=10"
    for _ in range(20):  # warm-up (JIT, caches, PostgreSQL's plan cache), not reported
        call("GET", path, token)
    times = []
    answer = None
    for _ in range(RECS):
        t0 = time.perf_counter()
        answer = call("GET", path, token)
        times.append((time.perf_counter() - t0) * 1000)
    recs = answer["recommendations"]
    top = ", ".join(f"{r['mutual_friends']}/{r['shared_rooms']}" for r in recs[:5])
    row(f"GET recommendations?limit=10, {label}",
        f"p50 {pct(times, 50):7.2f} ms   p99 {pct(times, 99):7.2f} ms   max {max(times):7.2f} ms   (n={RECS})")
    row("  answer", f"{len(recs)} users; top mutual/shared: {top}")


def walk(user, token, limit):
    pages, seen, nxt = [], [], None
    t0 = time.perf_counter()
    while True:
        path = f"/_synapse/enhanced/friends/{q(user)}?limit={limit}" + (f"&from={q(nxt)}" if nxt else "")
        p0 = time.perf_counter()
        page = call("GET", path, token)
        pages.append((time.perf_counter() - p0) * 1000)
        seen += [f["user_id"] for f in page["friends"]]
        nxt = page.get("next_batch")
        if not nxt:
            break
    total = (time.perf_counter() - t0) * 1000
    assert len(seen) == len(set(seen)) == page["count"] == FRIENDS, (len(seen), len(set(seen)), page["count"])
    return pages, total


def bench_paging(user, token):
    walk(user, token, 100)  # warm-up
    for limit in (100, 1000):
        pages, totals = [], []
        for _ in range(WALKS):
            p, t = walk(user, token, limit)
            pages += p
            totals.append(t)
        row(f"GET /friends?limit={limit}, {FRIENDS} friends, per page",
            f"p50 {pct(pages, 50):7.2f} ms   p99 {pct(pages, 99):7.2f} ms   max {max(pages):7.2f} ms   "
            f"(n={len(pages)})")
        row(f"  full walk ({len(pages) // WALKS} pages)",
            f"best {min(totals):7.0f} ms   median {pct(totals, 50):7.0f} ms   (walks={WALKS})")


# ---------------------------------------------------------------- EXPLAIN

def recommendation_sql(user, limit):
    """The RECOMMENDATIONS text block of JdbcFriendshipRepository with its parameters filled in, in the order the
    repository passes them (read from its call, so the two stay in step)."""
    src = open(REPO, encoding="utf-8").read()
    text = re.search(r'RECOMMENDATIONS = """\n(.*?)""";', src, re.S).group(1)
    consts = {m.group(1): m.group(2) for m in re.finditer(r"static final int (\w+) = (\d+);", src)}
    method = src[src.index("public List<Recommendation> recommendations("):]
    args = re.search(r"row\.getInt\(5\)\),\s*(.*?)\);", method, re.S).group(1)
    values = []
    for arg in (a.strip() for a in args.split(",")):
        if arg == "u":
            values.append("'" + user.replace("'", "''") + "'")
        elif arg == "limit":
            values.append(str(limit))
        else:
            values.append(consts[arg])
    parts = text.split("?")
    assert len(parts) == len(values) + 1, (len(parts) - 1, len(values))
    return "".join(p + v for p, v in zip(parts, values + [""]))


def explain(user):
    try:
        query = recommendation_sql(user, 30)  # the service asks for 3 x limit (+ the user's blocks, none here)
    except (OSError, AttributeError, AssertionError, KeyError, ValueError) as e:
        row("EXPLAIN ANALYZE of the recommendation query", f"skipped: could not read it from the source ({e!r})")
        return
    psql(f"EXPLAIN ANALYZE {query};")  # warm the buffers as the API runs did
    plan = psql(f"EXPLAIN (ANALYZE, BUFFERS) {query};")
    if os.environ.get("BENCH_PLAN") == "1":
        print(plan)
    exec_ms = re.search(r"Execution Time: ([\d.]+) ms", plan).group(1)
    plan_ms = re.search(r"Planning Time: ([\d.]+) ms", plan).group(1)
    row("EXPLAIN ANALYZE recommendations for U (PostgreSQL)", f"execution {exec_ms} ms   planning {plan_ms} ms")
    nodes = []
    for line in plan.splitlines():
        m = re.search(r"actual time=[\d.]+\.\.([\d.]+) rows=(\d+) loops=(\d+)", line)
        if m:
            name = re.sub(r"\s+\(cost=.*", "", line).strip().lstrip("->").strip()
            nodes.append((int(m.group(2)) * int(m.group(3)), float(m.group(1)), int(m.group(3)), name))
    nodes.sort(reverse=True)
    print("  plan nodes with the most rows (rows x loops, node's total ms per loop, loops, node):")
    for rows, ms, loops, name in nodes[:10]:
        print(f"  {rows:>10}  {ms:9.2f} ms  x{loops:<6} {name[:110]}")
    ends = list(re.finditer(r"\)\s*\n\s*SELECT ", query))  # the last CTE's end: the main SELECT follows
    if not ends:
        return
    head = query[:ends[-1].start() + 1]
    parts = re.findall(r"(\w+) AS \(", head)
    script = "\\timing on\n\\o /dev/null\n"
    for _ in range(5):
        script += "".join(f"{head} SELECT COUNT(*) FROM {name};\n" for name in parts) + f"{query};\n"
    times = [float(t) for t in re.findall(r"Time: ([\d.]+) ms", psql(script))]
    labels = [f"WITH … SELECT COUNT(*) FROM {name}" for name in parts] + ["the whole query"]
    print("  without EXPLAIN's overhead, median of 5 (each CTE with the CTEs it reads):")
    for i, label in enumerate(labels):
        print(f"  {pct(times[i::len(labels)], 50):9.2f} ms  {label}")


print(f"== Friends: U with {FRIENDS} friends and {ROOMS} rooms, {STRANGERS} strangers, run {RUN}", flush=True)
(U, U_TOKEN), (V, V_TOKEN) = seed()
bench_recommendations(f"U ({FRIENDS} friends, {ROOMS} rooms)", U, U_TOKEN)
bench_recommendations("V (10 friends, 10 rooms)", V, V_TOKEN)
bench_paging(U, U_TOKEN)
explain(U)
