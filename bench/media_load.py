#!/usr/bin/env python3
"""Media benchmarks, printed as figures, no pass/fail:
  1. POST /_matrix/media/v3/upload of 1 MiB random bodies: MiB/s and p50/p99 latency, 1 client and 8 clients.
  2. GET /_matrix/client/v1/media/download of a 10 KiB and a 1 MiB file with wrk (8 connections): req/s, MiB/s, p50/p99.
  3. Thumbnails of a 2000x1500 PNG: the first 320x240 render's latency, then the stored one served with wrk.
  0. First, the fresh server's resident memory before and after a 45 MiB upload (streamed to disk, not held).
Usage: media_load.py BASE_URL   (env BENCH_PID: the server's pid, for RSS; BENCH_SECONDS: per wrk run, 8)
"""
import http.client, json, os, re, struct, subprocess, sys, threading, time, urllib.parse, uuid, zlib
from concurrent.futures import ThreadPoolExecutor

BASE = urllib.parse.urlparse(sys.argv[1])
SECS = int(os.environ.get("BENCH_SECONDS", "8"))
PID = os.environ.get("BENCH_PID")
local = threading.local()


def conn():
    c = getattr(local, "c", None)
    if c is None:
        c = local.c = http.client.HTTPConnection(BASE.hostname, BASE.port, timeout=120)
    return c


def call(method, path, token=None, body=None, content_type="application/json"):
    headers = {"Content-Type": content_type}
    if token:
        headers["Authorization"] = "Bearer " + token
    c = conn()
    c.request(method, path, body=body, headers=headers)
    r = c.getresponse()
    data = r.read()
    if r.status != 200:
        raise RuntimeError(f"{method} {path} -> {r.status} {data[:300]!r}")
    return data


def register():
    name = "bench" + uuid.uuid4().hex[:10]
    body = json.dumps({"username": name, "password": "bench-password", "auth": {"type": "m.login.dummy"}})
    return json.loads(call("POST", "/_matrix/client/v3/register", body=body))["access_token"]


def upload(token, data, content_type="application/octet-stream"):
    return json.loads(call("POST", "/_matrix/media/v3/upload", token, data, content_type))["content_uri"]


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p / 100))]


def uploads(token, clients, count, size):
    def one(_):
        data = os.urandom(size)
        t = time.perf_counter()
        upload(token, data)
        return time.perf_counter() - t
    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        lat = list(pool.map(one, range(count)))
    wall = time.perf_counter() - start
    print(f"upload 1 MiB, {clients} client(s): {count * size / 2**20 / wall:.0f} MiB/s, {count / wall:.0f} uploads/s, "
          f"p50 {pct(lat, 50) * 1000:.1f} ms, p99 {pct(lat, 99) * 1000:.1f} ms")


def wrk(label, path, token, size):
    out = subprocess.run(["wrk", "-t2", "-c8", f"-d{SECS}s", "--latency", "-H", f"Authorization: Bearer {token}",
                          f"http://{BASE.hostname}:{BASE.port}{path}"], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    print(f"{label}: {rps:.0f} req/s ({rps * size / 2**20:.0f} MiB/s), p50 {p50}, p99 {p99}"
          + (f", {errors.group(1)} errors" if errors else ""))


def png(width, height):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xffffffff)
    rows = b"".join(b"\x00" + bytes((x * 7 + y * 3) & 0xff for x in range(width * 3)) for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b""))


def rss_mib():
    if not PID:
        return float("nan")
    with open(f"/proc/{PID}/status") as f:
        return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1)) / 1024


def main():
    token = register()
    before = rss_mib()
    upload(token, os.urandom(45 << 20))
    after = rss_mib()
    print(f"RSS of the fresh server before a 45 MiB upload {before:.0f} MiB, after it {after:.0f} MiB")
    for _ in range(20):  # warm-up
        upload(token, os.urandom(1 << 20))
    uploads(token, 1, 100, 1 << 20)
    uploads(token, 8, 200, 1 << 20)

    small = upload(token, os.urandom(10 << 10))[len("mxc://"):]
    wrk("(warm-up)", f"/_matrix/client/v1/media/download/{small}", token, 10 << 10)
    big = upload(token, os.urandom(1 << 20))[len("mxc://"):]
    wrk("download 10 KiB", f"/_matrix/client/v1/media/download/{small}", token, 10 << 10)
    wrk("download 1 MiB", f"/_matrix/client/v1/media/download/{big}", token, 1 << 20)

    image = upload(token, png(2000, 1500), "image/png")[len("mxc://"):]
    path = f"/_matrix/client/v1/media/thumbnail/{image}?width=320&height=240&method=scale"
    t = time.perf_counter()
    thumb = call("GET", path, token)
    print(f"thumbnail 320x240 of a 2000x1500 PNG: first render {(time.perf_counter() - t) * 1000:.0f} ms "
          f"({len(thumb)} bytes)")
    wrk("thumbnail, stored", path, token, len(thumb))



if __name__ == "__main__":
    main()
