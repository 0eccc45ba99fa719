#!/usr/bin/python3
"""Media and voice messages with the real matrix-nio (Debian's python3-matrix-nio 0.20).

Usage: ZHIHANG_BASE_URL=http://127.0.0.1:18448 /usr/bin/python3 media_nio.py

nio 0.20 uploads to /_matrix/media/r0/upload (token as a query parameter) and downloads from the legacy
/_matrix/media/r0 paths, so this covers them: a plain upload and download with byte equality and the file name,
an encrypted attachment (nio's encrypt=True) decrypted after download, a thumbnail, and a voice message sent through
the voice API that the other member's nio sync shows as an m.audio voice message.
Ends with a line `N passed, M failed` and exits non-zero on any failure.
"""
import asyncio
import io
import os
import secrets
import struct
import sys
import time
import traceback
import wave
import zlib

import aiohttp
from nio import responses as R
from nio import AsyncClient, AsyncClientConfig, ResizingMethod, RoomPreset
from nio.crypto.attachments import decrypt_attachment

sys.stdout.reconfigure(line_buffering=True)

BASE_URL = os.environ.get("ZHIHANG_BASE_URL")
REQUEST_TIMEOUT_S = 15
OVERALL_TIMEOUT_S = 120

passed = 0
failed = 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok - {name}")
    else:
        failed += 1
        print(f"FAIL - {name}" + (f": {detail}" if detail else ""))


def new_client():
    config = AsyncClientConfig(request_timeout=REQUEST_TIMEOUT_S, max_timeouts=1, max_limit_exceeded=1,
                               max_timeout_retry_wait_time=1, store_sync_tokens=False, encryption_enabled=False)
    return AsyncClient(BASE_URL, "", config=config)


async def register_client(name, password):
    client = new_client()
    resp = await client.register(name, password, device_name=f"nio {name}")
    if not isinstance(resp, R.RegisterResponse):
        await client.close()
        raise RuntimeError(f"register {name}: {resp}")
    return client


def png(width, height):
    """A one-colour RGB PNG built with zlib only."""
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xffffffff)
    row = b"\x00" + b"\x40\x80\xc0" * width
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(row * height))
            + chunk(b"IEND", b""))


def wav(millis, rate=16000):
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        frames = rate * millis // 1000
        w.writeframes(b"".join(struct.pack("<h", 800 if (i // 20) % 2 else -800) for i in range(frames)))
    return out.getvalue()


def mxc_parts(uri):
    server, media_id = uri[len("mxc://"):].split("/", 1)
    return server, media_id


async def main():
    suffix = f"{int(time.time() * 1000):x}{secrets.token_hex(3)}"
    password = f"pw-{secrets.token_hex(8)}"
    alice = await register_client(f"niomedia_a_{suffix}", password)
    bob = await register_client(f"niomedia_b_{suffix}", password)
    try:
        data = secrets.token_bytes(150_000)
        resp, keys = await alice.upload(lambda *_: data, content_type="application/octet-stream",
                                        filename="nio.bin", filesize=len(data))
        check("nio upload returns an mxc uri", isinstance(resp, R.UploadResponse)
              and resp.content_uri.startswith("mxc://") and keys is None, str(resp))
        uri = resp.content_uri

        resp = await bob.download(uri)
        check("nio download (legacy r0 path) is byte-equal", isinstance(resp, R.DownloadResponse)
              and resp.body == data and resp.content_type == "application/octet-stream", str(type(resp)))
        check("the upload's file name comes back", getattr(resp, "filename", None) == "nio.bin",
              getattr(resp, "filename", None))

        resp = await bob.download(uri, filename="renamed.bin")
        check("download under another file name", isinstance(resp, R.DownloadResponse)
              and resp.body == data and getattr(resp, "filename", None) == "renamed.bin",
              getattr(resp, "filename", None))

        secret = b"attachment only the room can read " + secrets.token_bytes(64)
        resp, keys = await alice.upload(lambda *_: secret, content_type="application/octet-stream",
                                        filename="secret.bin", encrypt=True, filesize=len(secret))
        check("nio encrypted upload", isinstance(resp, R.UploadResponse) and keys is not None, str(resp))
        down = await bob.download(resp.content_uri)
        plain = decrypt_attachment(down.body, keys["key"]["k"], keys["hashes"]["sha256"], keys["iv"]) \
            if isinstance(down, R.DownloadResponse) else None
        check("the encrypted attachment decrypts to the original", plain == secret,
              "ciphertext stored as sent" if plain is None else "")
        check("the server stored ciphertext, not the plaintext",
              isinstance(down, R.DownloadResponse) and secret not in down.body)

        image = png(300, 200)
        resp, _ = await alice.upload(lambda *_: image, content_type="image/png", filename="pic.png",
                                     filesize=len(image))
        server, media_id = mxc_parts(resp.content_uri)
        thumb = await bob.thumbnail(server, media_id, 32, 32, ResizingMethod.crop)
        ok = isinstance(thumb, R.ThumbnailResponse) and thumb.body[:8] == b"\x89PNG\r\n\x1a\n"
        size = struct.unpack(">II", thumb.body[16:24]) if ok else None
        check("nio thumbnail (crop 32x32)", ok and size == (32, 32), f"{type(thumb).__name__} {size}")

        resp = await alice.room_create(name=f"nio voice {suffix}", preset=RoomPreset.public_chat)
        room_id = resp.room_id
        resp = await bob.join(room_id)
        check("bob joins the public room", isinstance(resp, R.JoinResponse), str(resp))
        audio = wav(1200)
        timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S)
        async with aiohttp.ClientSession(timeout=timeout) as http:
            async with http.post(f"{BASE_URL}/_matrix/client/r0/voice/upload",
                                 params={"room_id": room_id, "filename": "hello.wav"}, data=audio,
                                 headers={"Authorization": f"Bearer {alice.access_token}",
                                          "Content-Type": "audio/wav"}) as r:
                voice = await r.json(content_type=None)
                check("voice upload (r0)", r.status == 200 and voice.get("duration") == 1200, f"{r.status} {voice}")
        resp = await bob.sync(timeout=0, full_state=True)
        room = resp.rooms.join.get(room_id) if isinstance(resp, R.SyncResponse) else None
        events = [e for e in (room.timeline.events if room else [])
                  if e.source.get("event_id") == voice.get("event_id")]
        content = events[0].source.get("content", {}) if events else {}
        check("bob reads the voice message as m.audio with its duration and the voice marker",
              content.get("msgtype") == "m.audio" and content.get("info", {}).get("duration") == 1200
              and "org.matrix.msc3245.voice" in content, str(content))
        down = await bob.download(content.get("url", "mxc://x/y"))
        check("the voice audio downloads byte-equal", isinstance(down, R.DownloadResponse) and down.body == audio)
    finally:
        await alice.close()
        await bob.close()


def run():
    if not BASE_URL:
        print("ZHIHANG_BASE_URL is not set (e.g. http://127.0.0.1:18448)", file=sys.stderr)
        return 2
    try:
        asyncio.run(asyncio.wait_for(main(), OVERALL_TIMEOUT_S))
    except Exception:  # noqa: BLE001 - any crash is a failed check
        traceback.print_exc(file=sys.stdout)
        check("test ran to completion", False)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(run())
