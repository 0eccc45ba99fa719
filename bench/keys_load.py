#!/usr/bin/env python3
"""End-to-end-encryption key benchmarks, printed as figures, no pass/fail:
  1. POST /keys/claim: claims/s and p50/p99 latency (wrk), each claim taking one signed_curve25519 one-time key of
     one device: 1 client; 10 clients spread over 10 devices; 10 clients all on one device (the contended case).
     The devices' owners keep them stocked by uploading 50 keys at a time while the claims run; a claim that
     finds no one-time key left gets the fallback key and is counted as such.
  2. POST /keys/upload of 50 one-time keys: latency while one device's stock grows from 0 to BENCH_UPLOADS * 50.
  3. POST /keys/query of every member of a room of N users with 2 cross-signed devices each: latency.
Usage: keys_load.py BASE_URL [claim|upload|query ...]
Env: BENCH_SECONDS (8, per claim run), BENCH_QUERY_USERS (100), BENCH_UPLOADS (200), BENCH_QUERIES (200).
Needs wrk and python3-cryptography (Ed25519 signatures, as clients make them).
"""
import base64, http.client, json, os, re, subprocess, sys, tempfile, threading, time, urllib.parse, uuid
from concurrent.futures import ThreadPoolExecutor

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

BASE = urllib.parse.urlparse(sys.argv[1])
SECS = int(os.environ.get("BENCH_SECONDS", "8"))
QUERY_USERS = int(os.environ.get("BENCH_QUERY_USERS", "100"))
UPLOADS = int(os.environ.get("BENCH_UPLOADS", "200"))
QUERIES = int(os.environ.get("BENCH_QUERIES", "200"))
ALG = "signed_curve25519"
RUN = uuid.uuid4().hex[:6]
local = threading.local()


def conn():
    c = getattr(local, "c", None)
    if c is None:
        c = local.c = http.client.HTTPConnection(BASE.hostname, BASE.port, timeout=120)
    return c


def call(method, path, token=None, body=None, raw=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    c = conn()
    c.request(method, "/_matrix/client/v3" + path, body=raw if raw is not None else
              (None if body is None else json.dumps(body)), headers=headers)
    r = c.getresponse()
    data = r.read()
    if r.status != 200:
        raise RuntimeError(f"{method} {path} -> {r.status} {data[:300]!r}")
    return json.loads(data)


def canonical(obj):
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def b64(data):
    return base64.b64encode(data).decode().rstrip("=")


class Signer:
    def __init__(self, key_name=None):
        self.private = Ed25519PrivateKey.generate()
        self.public = b64(self.private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))
        self.key_id = "ed25519:" + (key_name or self.public)

    def sign(self, obj, user):
        signed = {k: v for k, v in obj.items() if k not in ("signatures", "unsigned")}
        sig = b64(self.private.sign(canonical(signed)))
        obj.setdefault("signatures", {}).setdefault(user, {})[self.key_id] = sig
        return obj


class Device:
    """A logged-in device with its Ed25519 key; fresh one-time keys on demand."""

    def __init__(self, login):
        self.user, self.device, self.token = login["user_id"], login["device_id"], login["access_token"]
        self.signer = Signer(self.device)
        self.next_key = 0

    def device_keys(self):
        return self.signer.sign({"user_id": self.user, "device_id": self.device,
                                 "algorithms": ["m.olm.v1.curve25519-aes-sha2", "m.megolm.v1.aes-sha2"],
                                 "keys": {"curve25519:" + self.device: b64(os.urandom(32)),
                                          "ed25519:" + self.device: self.signer.public}}, self.user)

    def one_time_keys(self, n, fallback=False):
        keys = {}
        for _ in range(n):
            self.next_key += 1
            name = "FB" if fallback else f"K{self.next_key:08d}"
            key = {"key": b64(os.urandom(32))}
            if fallback:
                key["fallback"] = True
            keys[f"{ALG}:{name}"] = self.signer.sign(key, self.user)
        return keys

    def upload(self, body):
        return call("POST", "/keys/upload", self.token, body)["one_time_key_counts"].get(ALG, 0)


def register(name):
    return call("POST", "/register", body={"username": f"{name}-{RUN}", "password": "bench-password",
                                           "auth": {"type": "m.login.dummy"}})


def login(user):
    return call("POST", "/login", body={"type": "m.login.password", "password": "bench-password",
                                        "identifier": {"type": "m.id.user", "user": user}})


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def row(label, text):
    print(f"{label:52} {text}", flush=True)


# ---------------------------------------------------------------- claims

class Stocker(threading.Thread):
    """The device's owner: keeps at least LOW unclaimed one-time keys, uploading 50 at a time, checking every 100 ms."""
    LOW, HIGH = 1000, 1500

    def __init__(self, device):
        super().__init__(daemon=True)
        self.device, self.stop, self.uploaded, self.low = device, threading.Event(), 0, None

    def top_up(self):
        count = self.device.upload({})
        self.low = count if self.low is None else min(self.low, count)
        if count < self.LOW:
            while count < self.HIGH:
                count = self.device.upload({"one_time_keys": self.device.one_time_keys(50)})
                self.uploaded += 50
        return count

    def run(self):
        while not self.stop.wait(0.1):
            self.top_up()


LUA = r"""
local bodies = {%s}
local n = 0
local threads = {}
fallbacks = 0
setup = function(thread) table.insert(threads, thread) end
request = function()
  n = n + 1
  return wrk.format("POST", "/_matrix/client/v3/keys/claim",
    {["Authorization"] = "Bearer %s", ["Content-Type"] = "application/json"}, bodies[(n %% #bodies) + 1])
end
response = function(status, headers, body)
  if string.find(body, ":FB", 1, true) then fallbacks = fallbacks + 1 end
end
done = function(summary, latency, requests)
  local f = 0
  for _, t in ipairs(threads) do f = f + t:get("fallbacks") end
  io.write(string.format("FALLBACKS %%d\n", f))
end
"""


def wrk(token, devices, connections, seconds):
    bodies = ", ".join("'" + json.dumps({"one_time_keys": {d.user: {d.device: ALG}}}) + "'" for d in devices)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(LUA % (bodies, token))
    try:
        out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", f.name,
                              f"http://{BASE.hostname}:{BASE.port}"], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(f.name)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    fallbacks = int(re.search(r"FALLBACKS (\d+)", out).group(1))
    return rate, total, p50, p99, int(non2xx.group(1)) if non2xx else 0, fallbacks


def bench_claim():
    with ThreadPoolExecutor(4) as pool:
        devices = list(pool.map(lambda i: Device(register(f"claimed{i}")), range(10)))
    claimer = register("claimer")["access_token"]
    for d in devices:
        d.upload({"device_keys": d.device_keys(), "fallback_keys": d.one_time_keys(1, fallback=True)})
    stockers = [Stocker(d) for d in devices]
    for s in stockers:
        s.top_up()
    wrk(claimer, devices, 4, 2)  # warm-up (JIT), not reported
    for s in stockers:
        s.top_up()
        s.start()
    for label, conns, targets in (("1 client", 1, devices[:1]), ("10 clients, 10 devices", 10, devices),
                                  ("10 clients, one device", 10, devices[:1])):
        rate, total, p50, p99, errors, fallbacks = wrk(claimer, targets, conns, SECS)
        row(f"POST /keys/claim, {label}",
            f"{rate:8.0f} claims/s   p50 {p50:>8}   p99 {p99:>8}   non-2xx {errors}   fallback {fallbacks}")
    for s in stockers:
        s.stop.set()
    for s in stockers:
        s.join()
    uploaded = sum(s.uploaded for s in stockers)
    row("  (stock kept topped up by the owners)", f"{uploaded} keys uploaded in batches of 50 during the runs")


# ---------------------------------------------------------------- uploads

def bench_upload():
    device = Device(register("uploader"))
    device.upload({"device_keys": device.device_keys()})
    bodies = [json.dumps({"one_time_keys": device.one_time_keys(50)}) for _ in range(UPLOADS + 20)]
    times = []
    for i, body in enumerate(bodies):
        t0 = time.perf_counter()
        call("POST", "/keys/upload", device.token, raw=body)
        if i >= 20:  # warm-up excluded
            times.append((time.perf_counter() - t0) * 1000)
    held = (UPLOADS + 20) * 50
    row("POST /keys/upload, 50 one-time keys",
        f"p50 {pct(times, 50):6.2f} ms   p99 {pct(times, 99):6.2f} ms   (n={UPLOADS})")
    tail = times[-min(50, len(times)):]
    row(f"  the last {len(tail)}, device holding ~{held - 50 * len(tail)}-{held} keys",
        f"p50 {pct(tail, 50):6.2f} ms")


# ---------------------------------------------------------------- queries

def cross_sign(first, second):
    """Master and self-signing keys for the user of both devices, and both devices signed with the latter."""
    user = first.user
    master, self_signing = Signer(), Signer()
    master_key = {"user_id": user, "usage": ["master"], "keys": {master.key_id: master.public}}
    ssk = master.sign({"user_id": user, "usage": ["self_signing"], "keys": {self_signing.key_id: self_signing.public}},
                      user)
    call("POST", "/keys/device_signing/upload", first.token, {"master_key": master_key, "self_signing_key": ssk})
    signed = {}
    for d in (first, second):
        keys = d.uploaded_keys
        sig = self_signing.sign(dict(keys, signatures={}), user)["signatures"][user][self_signing.key_id]
        signed[d.device] = dict(keys, signatures={user: {self_signing.key_id: sig}})
    failures = call("POST", "/keys/signatures/upload", first.token, {user: signed})["failures"]
    assert not failures, failures


def member(i, room):
    first = Device(register(f"member{i}"))
    second = Device(login(first.user))
    for d in (first, second):
        d.uploaded_keys = d.device_keys()
        d.upload({"device_keys": d.uploaded_keys})
    cross_sign(first, second)
    if room:
        call("POST", f"/rooms/{urllib.parse.quote(room)}/join", first.token, {})
    return first.user


def bench_query():
    t0 = time.perf_counter()
    me = Device(register("querier"))
    me.upload({"device_keys": me.device_keys()})
    room = call("POST", "/createRoom", me.token, {"preset": "public_chat"})["room_id"]
    with ThreadPoolExecutor(4) as pool:
        users = list(pool.map(lambda i: member(i, room), range(QUERY_USERS)))
    row(f"  setup: {QUERY_USERS} users x 2 cross-signed devices", f"{time.perf_counter() - t0:6.1f} s")
    body = json.dumps({"device_keys": {u: [] for u in users + [me.user]}})
    times = []
    answer = None
    for i in range(QUERIES + 20):
        t0 = time.perf_counter()
        answer = call("POST", "/keys/query", me.token, raw=body)
        if i >= 20:
            times.append((time.perf_counter() - t0) * 1000)
    devices = sum(len(v) for v in answer["device_keys"].values())
    assert devices == 2 * QUERY_USERS + 1, devices
    assert len(answer["self_signing_keys"]) == QUERY_USERS
    row(f"POST /keys/query, {QUERY_USERS} users x 2 devices",
        f"p50 {pct(times, 50):6.2f} ms   p99 {pct(times, 99):6.2f} ms   (n={QUERIES}, {len(json.dumps(answer)) // 1024} KiB)")


which = sys.argv[2:] or ["claim", "upload", "query"]
for name in which:
    {"claim": bench_claim, "upload": bench_upload, "query": bench_query}[name]()
