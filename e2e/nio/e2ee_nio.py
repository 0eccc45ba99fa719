#!/usr/bin/python3
"""End-to-end encryption with the real matrix-nio (Debian's python3-matrix-nio with python3-olm).

Usage: ZHIHANG_BASE_URL=http://127.0.0.1:18448 /usr/bin/python3 e2ee_nio.py

Each client has its own encryption store (a temporary directory) and does after every
sync what nio's sync_forever does: keys_upload when should_upload_keys, keys_query when
should_query_keys, keys_claim when should_claim_keys. All on nio's /_matrix/client/r0 paths.

- Alice and Bob upload device keys and one-time keys; the counts of the upload answer and
  of /sync (device_one_time_keys_count) agree.
- Alice creates a room with m.room.encryption as initial state and invites Bob, who joins;
  Alice queries Bob's keys and sends encrypted messages (share_group_session through
  room_send, ignore_unverified_devices=True): she claims one of Bob's one-time keys and
  sends the megolm room key as a to-device m.room.encrypted olm (pre-key) message.
- Bob's syncs bring the to-device event (nio decrypts it to a RoomKeyEvent) and the
  messages as m.room.encrypted megolm events that nio decrypts to RoomMessageText with
  the right bodies; his one-time key count went down by the keys claimed, and nio
  uploads new ones. Claims hand out each key once, signed by Bob's device key.
- Bob answers encrypted over the olm session he already has (no claim).
- Bob logs in a second device: Alice sees him in device_lists.changed, queries again, and
  her next message is shared with the new device only after a claim of its key; the new
  device cannot read what was sent before it existed (MegolmEvent), but reads the rest.
- The new device's one-time keys are claimed until none is left: the count in /sync
  reaches 0 and a further claim leaves the device out.
Prints the requests per endpoint of each client and ends with `N passed, M failed`.
"""
import asyncio
import collections
import json
import os
import secrets
import sys
import tempfile
import time
import traceback

import aiohttp
import nio
import olm
from nio import responses as R
from nio import AsyncClient, AsyncClientConfig

sys.stdout.reconfigure(line_buffering=True)

BASE_URL = os.environ.get("ZHIHANG_BASE_URL")
REQUEST_TIMEOUT_S = 15
OVERALL_TIMEOUT_S = 150
MAX_SYNCS = 6  # per wait: each sync long-polls at most 5 s
MEGOLM = "m.megolm.v1.aes-sha2"
OLM = "m.olm.v1.curve25519-aes-sha2"
OTK = "signed_curve25519"

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


def desc(resp):
    """Short description of a nio response (its repr includes the whole HTTP transport)."""
    if isinstance(resp, R.ErrorResponse):
        return f"{type(resp).__name__}(status_code={resp.status_code!r}, message={resp.message!r})"
    fields = {k: v for k, v in vars(resp).items()
              if k not in ("uuid", "start_time", "end_time", "timeout", "transport_response")}
    return f"{type(resp).__name__}({fields})"


def endpoint(method, path):
    """`PUT /r0/rooms/{roomId}/send/m.room.encrypted/{txnId}` for a request path."""
    path = path.split("?", 1)[0].removeprefix("/_matrix/client")
    parts = path.split("/")
    for i, part in enumerate(parts):
        if part.startswith(("!", "%21")):
            parts[i] = "{roomId}"
        elif part.startswith(("@", "%40")):
            parts[i] = "{userId}"
        elif i >= 2 and parts[i - 2] in ("send", "sendToDevice"):
            parts[i] = "{txnId}"
    return f"{method} {'/'.join(parts)}"


class SyncRecord:
    """One /sync answer as the server sent it (before nio decrypted anything) and after."""

    def __init__(self, resp):
        self.resp = resp
        self.raw_to_device = [e.source for e in resp.to_device_events]
        self.raw_timeline = {rid: [e.source for e in room.timeline.events]
                             for rid, room in resp.rooms.join.items()}
        self.otk_count = resp.device_key_count.signed_curve25519
        self.changed = list(resp.device_list.changed)

    def timeline(self, room_id):
        room = self.resp.rooms.join.get(room_id)
        return room.timeline.events if room else []


class E2eeClient(AsyncClient):
    """nio's AsyncClient counting its requests per endpoint and keeping every sync answer raw,
    every claim answer and the body of every claim request."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.requests = collections.Counter()
        self.syncs = []
        self.claim_bodies = []
        self.claimed = []

    async def send(self, method, path, data=None, headers=None, trace_context=None, timeout=None):
        name = endpoint(method, path)
        self.requests[name] += 1
        if name.endswith("/keys/claim"):
            self.claim_bodies.append(json.loads(data))
        return await super().send(method, path, data, headers, trace_context, timeout)

    async def receive_response(self, response):
        if isinstance(response, R.SyncResponse):
            self.syncs.append(SyncRecord(response))  # before nio replaces the encrypted events
        if isinstance(response, R.KeysClaimResponse):
            self.claimed.append(response.one_time_keys)
        await super().receive_response(response)

    def count(self, suffix):
        return sum(n for name, n in self.requests.items() if name.endswith(suffix))

    @property
    def curve25519(self):
        return self.olm.account.identity_keys["curve25519"]

    @property
    def ed25519(self):
        return self.olm.account.identity_keys["ed25519"]


def new_client(store_dir, user=""):
    # Bounded: each request times out, timeouts and 429s are retried at most once.
    config = AsyncClientConfig(
        request_timeout=REQUEST_TIMEOUT_S,
        max_timeouts=1,
        max_limit_exceeded=1,
        max_timeout_retry_wait_time=1,
        store_sync_tokens=False,
        encryption_enabled=True,
    )
    os.makedirs(store_dir, exist_ok=True)
    return E2eeClient(BASE_URL, user, store_path=store_dir, config=config)


async def register_client(name, password, store_dir):
    client = new_client(store_dir)
    resp = await client.register(name, password, device_name=f"nio {name}")
    if not isinstance(resp, R.RegisterResponse):
        await client.close()
        raise RuntimeError(f"register {name}: {desc(resp)}")
    return client


async def settle(client):
    """What sync_forever does after each sync: upload, query and claim keys as nio asks."""
    answers = []
    if client.should_upload_keys:
        answers.append(await client.keys_upload())
    if client.should_query_keys:
        answers.append(await client.keys_query())
    if client.should_claim_keys:
        answers.append(await client.keys_claim(client.get_users_for_key_claiming()))
    for resp in answers:
        if isinstance(resp, R.ErrorResponse):
            raise RuntimeError(f"{client.user_id}: {desc(resp)}")
    return answers


async def sync_until(client, want, timeout_ms=5000):
    """Incremental syncs (each followed by settle) until want(records) holds for the records of
    this wait, at most MAX_SYNCS; returns the records."""
    records = []
    for _ in range(MAX_SYNCS):
        resp = await client.sync(timeout=timeout_ms, since=client.next_batch)
        if not isinstance(resp, R.SyncResponse):
            raise RuntimeError(f"{client.user_id} sync: {desc(resp)}")
        records.append(client.syncs[-1])
        await settle(client)
        if want(records):
            break
    return records


def events_with_id(records, room_id, event_id):
    """(raw, as nio gives it) for each copy of the event in the records' timelines."""
    return [(rec.raw_timeline[room_id][i], event)
            for rec in records for i, event in enumerate(rec.timeline(room_id))
            if event.event_id == event_id]


def has_event(room_id, event_id):
    return lambda records: bool(events_with_id(records, room_id, event_id))


def to_device(records):
    """(raw, as nio gives it) for each to-device event of the records."""
    return [(raw, event) for rec in records
            for raw, event in zip(rec.raw_to_device, rec.resp.to_device_events)]


def canonical(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def signed_by(key_obj, user_id, device_id, ed25519):
    signature = key_obj.get("signatures", {}).get(user_id, {}).get(f"ed25519:{device_id}")
    unsigned = {k: v for k, v in key_obj.items() if k not in ("signatures", "unsigned")}
    try:
        olm.ed25519_verify(ed25519, canonical(unsigned), signature)
        return True
    except Exception:  # noqa: BLE001 - olm raises OlmVerifyError, or TypeError without a signature
        return False


async def raw_claim(http, token, user_id, device_id):
    async with http.post(BASE_URL + "/_matrix/client/r0/keys/claim",
                         json={"one_time_keys": {user_id: {device_id: OTK}}},
                         headers={"Authorization": f"Bearer {token}"}) as resp:
        return resp.status, await resp.json(content_type=None)


def check_megolm_delivery(what, records, room_id, event_id, body, sender):
    """The event arrives once, raw as m.room.encrypted megolm, and nio decrypts it to the text."""
    copies = events_with_id(records, room_id, event_id)
    raw, event = copies[0] if copies else ({}, None)
    check(f"{what}: arrives once as m.room.encrypted ({MEGOLM})",
          len(copies) == 1 and raw.get("type") == "m.room.encrypted"
          and raw.get("content", {}).get("algorithm") == MEGOLM and "ciphertext" in raw.get("content", {}),
          f"{len(copies)} copies after {len(records)} syncs, raw {raw}")
    check(f"{what}: nio decrypts it to RoomMessageText with the sent body",
          isinstance(event, nio.RoomMessageText) and event.decrypted and event.body == body
          and event.sender == sender,
          f"{type(event).__name__} {getattr(event, 'body', None)!r}")
    return raw.get("content", {}).get("session_id")


async def main():
    suffix = f"{int(time.time() * 1000):x}{secrets.token_hex(3)}"
    password = f"pw-{secrets.token_hex(8)}"
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S)
    with tempfile.TemporaryDirectory(prefix="zhihang-nio-e2ee-") as stores:
        alice = await register_client(f"e2eealice_{suffix}", password, f"{stores}/alice")
        bob = await register_client(f"e2eebob_{suffix}", password, f"{stores}/bob")
        bob2 = None
        try:
            async with aiohttp.ClientSession(timeout=timeout) as http:
                bob2 = await scenario(http, alice, bob, password, stores, suffix)
        finally:
            for client in (alice, bob, bob2):
                if client is None:
                    continue
                print(f"# requests of {client.user_id} ({client.device_id}):")
                for name, n in sorted(client.requests.items()):
                    print(f"#   {n:3d}  {name}")
                await client.close()


async def scenario(http, alice, bob, password, stores, suffix):
    half = alice.olm.account.max_one_time_keys // 2  # how many one-time keys nio keeps uploaded

    # --- keys/upload
    check("nio has an olm machine and wants to upload keys",
          alice.olm is not None and alice.should_upload_keys and bob.should_upload_keys)
    for client in (alice, bob):
        resp = await client.keys_upload()
        check(f"{client.user_id}: keys_upload counts {half} {OTK} keys",
              isinstance(resp, R.KeysUploadResponse) and resp.signed_curve25519_count == half, desc(resp))
    check("after the upload nio wants no more", not alice.should_upload_keys and not bob.should_upload_keys)

    # --- an encrypted room
    resp = await alice.room_create(
        name=f"nio e2ee {suffix}", invite=[bob.user_id],
        initial_state=[{"type": "m.room.encryption", "state_key": "", "content": {"algorithm": MEGOLM}}])
    check("room_create with m.room.encryption as initial state", isinstance(resp, R.RoomCreateResponse), desc(resp))
    room_id = resp.room_id

    resp = await bob.sync(timeout=0, full_state=True)
    check("Bob's initial sync: the invite, and his one-time key count",
          isinstance(resp, R.SyncResponse) and room_id in resp.rooms.invite
          and resp.device_key_count.signed_curve25519 == half,
          desc(resp))
    resp = await bob.join(room_id)
    check("Bob joins", isinstance(resp, R.JoinResponse), desc(resp))
    await sync_until(bob, lambda records: room_id in bob.rooms, timeout_ms=0)
    check("Bob's nio sees the room as encrypted", room_id in bob.rooms and bob.rooms[room_id].encrypted)

    def bob_joined(records):
        return any(e.get("type") == "m.room.member" and e.get("state_key") == bob.user_id
                   and e.get("content", {}).get("membership") == "join"
                   for rec in records for e in rec.raw_timeline.get(room_id, []))

    records = await sync_until(alice, bob_joined)
    check("Alice's sync shows Bob's join; her nio sees the room as encrypted",
          bob_joined(records) and alice.rooms[room_id].encrypted, f"{len(records)} syncs")
    check("Alice's nio queried the keys of the room's members (keys/query after the sync)",
          alice.count("/keys/query") >= 1 and bob.device_id in alice.device_store[bob.user_id],
          f"requests {dict(alice.requests)}")
    device = alice.device_store[bob.user_id].get(bob.device_id)
    check("the queried device keys are Bob's (curve25519 and ed25519, signature checked by nio)",
          device is not None and device.curve25519 == bob.curve25519 and device.ed25519 == bob.ed25519,
          f"{device}")

    # --- first message: claim, to-device room key, megolm event
    body1 = f"first secret {suffix}"
    resp = await alice.room_send(room_id, "m.room.message", {"msgtype": "m.text", "body": body1},
                                 ignore_unverified_devices=True)
    check("Alice's room_send of an encrypted message", isinstance(resp, R.RoomSendResponse), desc(resp))
    event1 = resp.event_id
    check("nio claimed one key of Bob's device (keys/claim) and sent the room key (sendToDevice)",
          [b.get("one_time_keys") for b in alice.claim_bodies] == [{bob.user_id: {bob.device_id: OTK}}],
          f"claims {alice.claim_bodies}")
    check("the message went to /send/m.room.encrypted, the key to /sendToDevice/m.room.encrypted",
          alice.count("/send/m.room.encrypted/{txnId}") == 1
          and alice.count("/sendToDevice/m.room.encrypted/{txnId}") == 1, f"{dict(alice.requests)}")
    first_claim = alice.claimed[0].get(bob.user_id, {}).get(bob.device_id, {}) if alice.claimed else {}
    key_id1, key1 = next(iter(first_claim.items()), (None, {}))
    check("the claimed key is a signed_curve25519 key signed by Bob's device",
          (key_id1 or "").startswith(f"{OTK}:") and signed_by(key1, bob.user_id, bob.device_id, bob.ed25519),
          f"{first_claim}")

    # Another claim of Bob's device: another key, never the same one twice.
    status, answer = await raw_claim(http, alice.access_token, bob.user_id, bob.device_id)
    second = answer.get("one_time_keys", {}).get(bob.user_id, {}).get(bob.device_id, {})
    key_id2, key2 = next(iter(second.items()), (None, {}))
    check("a second claim hands out another of Bob's keys, also signed by his device",
          status == 200 and key_id2 is not None and key_id2 != key_id1 and key2.get("key") != key1.get("key")
          and signed_by(key2, bob.user_id, bob.device_id, bob.ed25519),
          f"{status} {answer}")

    uploads_before = bob.count("/keys/upload")
    records = await sync_until(bob, has_event(room_id, event1))
    check("Bob's next sync counts two one-time keys fewer", records[0].otk_count == half - 2,
          f"{[r.otk_count for r in records]}")
    deliveries = to_device(records)
    raw_td, event_td = deliveries[0] if deliveries else ({}, None)
    content = raw_td.get("content", {})
    check("the room key arrives once as a to-device m.room.encrypted olm event from Alice's device",
          len(deliveries) == 1 and raw_td.get("type") == "m.room.encrypted" and raw_td.get("sender") == alice.user_id
          and content.get("algorithm") == OLM and content.get("sender_key") == alice.curve25519,
          f"{[raw for raw, _ in deliveries]}")
    check("encrypted for Bob's device key only, as an olm pre-key message (type 0)",
          list(content.get("ciphertext", {})) == [bob.curve25519]
          and content["ciphertext"][bob.curve25519].get("type") == 0, f"{content}")
    session1 = check_megolm_delivery("message 1", records, room_id, event1, body1, alice.user_id)
    check("nio decrypts the to-device event to a RoomKeyEvent for the room and that megolm session",
          isinstance(event_td, nio.RoomKeyEvent) and event_td.room_id == room_id
          and event_td.session_id == session1 and event_td.sender == alice.user_id,
          f"{type(event_td).__name__} {getattr(event_td, 'source', None)}")
    check("nio then uploads new one-time keys for Bob", bob.count("/keys/upload") == uploads_before + 1,
          f"{dict(bob.requests)}")

    records = await sync_until(bob, lambda r: True, timeout_ms=0)
    check("Bob's following sync: the key count is back, no to-device event again",
          records[-1].otk_count == half and not records[-1].raw_to_device,
          f"count {records[-1].otk_count}, to-device {records[-1].raw_to_device}")

    # --- second message: same megolm session, nothing more to claim or send to devices
    body2 = f"second secret {suffix}"
    resp = await alice.room_send(room_id, "m.room.message", {"msgtype": "m.text", "body": body2},
                                 ignore_unverified_devices=True)
    event2 = getattr(resp, "event_id", None)
    check("a second message needs no claim and no to-device message",
          isinstance(resp, R.RoomSendResponse) and alice.count("/keys/claim") == 1
          and alice.count("/sendToDevice/m.room.encrypted/{txnId}") == 1, f"{desc(resp)} {dict(alice.requests)}")
    records = await sync_until(bob, has_event(room_id, event2))
    session2 = check_megolm_delivery("message 2", records, room_id, event2, body2, alice.user_id)
    check("message 2 uses the same megolm session, no to-device event",
          session2 == session1 and not to_device(records), f"{session2} vs {session1}")

    # --- Bob answers over the olm session he has with Alice's device
    reply = f"Bob's secret {suffix}"
    resp = await bob.room_send(room_id, "m.room.message", {"msgtype": "m.text", "body": reply},
                               ignore_unverified_devices=True)
    reply_id = getattr(resp, "event_id", None)
    check("Bob's encrypted reply (no claim: he has an olm session with Alice's device)",
          isinstance(resp, R.RoomSendResponse) and bob.count("/keys/claim") == 0
          and bob.count("/sendToDevice/m.room.encrypted/{txnId}") == 1, f"{desc(resp)} {dict(bob.requests)}")
    records = await sync_until(alice, has_event(room_id, reply_id))
    check_megolm_delivery("Bob's reply", records, room_id, reply_id, reply, bob.user_id)
    deliveries = to_device(records)
    check("Alice gets Bob's room key as an olm message (type 1) on the existing session",
          len(deliveries) == 1 and isinstance(deliveries[0][1], nio.RoomKeyEvent)
          and deliveries[0][0]["content"]["ciphertext"].get(alice.curve25519, {}).get("type") == 1,
          f"{[raw for raw, _ in deliveries]}")
    check("Alice's one-time key count is untouched", all(r.otk_count == half for r in records),
          f"{[r.otk_count for r in records]}")

    # --- a second device of Bob's
    bob2 = new_client(f"{stores}/bob2", bob.user_id)
    resp = await bob2.login(password, device_name="nio bob 2")
    check("Bob logs in a second nio device", isinstance(resp, R.LoginResponse), desc(resp))
    resp = await bob2.keys_upload()
    check("the new device uploads its keys",
          isinstance(resp, R.KeysUploadResponse) and resp.signed_curve25519_count == half, desc(resp))
    resp = await bob2.sync(timeout=0, full_state=True)
    old = [e for e in (resp.rooms.join[room_id].timeline.events if room_id in resp.rooms.join else [])
           if e.event_id in (event1, event2)]
    check("the new device cannot decrypt what was sent before it existed (MegolmEvent)",
          len(old) == 2 and all(isinstance(e, nio.MegolmEvent) for e in old),
          f"{[type(e).__name__ for e in old]}")
    await settle(bob2)

    records = await sync_until(alice, lambda r: any(bob.user_id in rec.changed for rec in r))
    check("Alice's sync names Bob in device_lists.changed",
          any(bob.user_id in rec.changed for rec in records), f"{[rec.changed for rec in records]}")
    check("her nio queried his keys again and knows both his devices",
          alice.count("/keys/query") >= 2
          and {bob.device_id, bob2.device_id} <= set(alice.device_store[bob.user_id]),
          f"{dict(alice.requests)}, devices {list(alice.device_store[bob.user_id])}")

    body3 = f"third secret {suffix}"
    claims_before = len(alice.claim_bodies)
    resp = await alice.room_send(room_id, "m.room.message", {"msgtype": "m.text", "body": body3},
                                 ignore_unverified_devices=True)
    event3 = getattr(resp, "event_id", None)
    check("Alice's next message claims a key of the new device only",
          isinstance(resp, R.RoomSendResponse)
          and [b.get("one_time_keys") for b in alice.claim_bodies[claims_before:]]
          == [{bob.user_id: {bob2.device_id: OTK}}],
          f"{desc(resp)} claims {alice.claim_bodies[claims_before:]}")
    for client, label, olm_type in ((bob2, "Bob's new device", 0), (bob, "Bob's first device", 1)):
        records = await sync_until(client, has_event(room_id, event3))
        session3 = check_megolm_delivery(f"message 3 to {label}", records, room_id, event3, body3, alice.user_id)
        if client is bob:
            check("Bob's first device: the sync names Bob in device_lists.changed (his new device, as Synapse)",
                  any(bob.user_id in rec.changed for rec in records), f"{[rec.changed for rec in records]}")
        deliveries = to_device(records)
        ciphertext = deliveries[0][0]["content"].get("ciphertext", {}) if deliveries else {}
        check(f"{label} gets the new room key (new session), encrypted for it alone (olm type {olm_type})",
              len(deliveries) == 1 and isinstance(deliveries[0][1], nio.RoomKeyEvent)
              and deliveries[0][1].session_id == session3 != session1
              and list(ciphertext) == [client.curve25519] and ciphertext[client.curve25519]["type"] == olm_type,
              f"{[raw for raw, _ in deliveries]}")

    # --- the new device's one-time keys run out
    left = bob2.olm.uploaded_key_count  # nio topped them up after Alice's claim
    keys, status, answer = {}, 200, {}
    for _ in range(half + 1):  # bounded: one more than it has
        status, answer = await raw_claim(http, alice.access_token, bob.user_id, bob2.device_id)
        got = answer.get("one_time_keys", {}).get(bob.user_id, {}).get(bob2.device_id)
        if status != 200 or not got:
            break
        keys.update(got)
    check(f"claims hand out the new device's {left} keys, each once, then leave the device out",
          status == 200 and len(keys) == left and answer.get("one_time_keys") == {},
          f"{len(keys)} keys, last answer {status} {answer}")
    check("every claimed key is signed by the new device",
          all(signed_by(k, bob.user_id, bob2.device_id, bob2.ed25519) for k in keys.values()))
    resp = await bob2.sync(timeout=0, since=bob2.next_batch)
    check("the new device's sync counts 0 one-time keys",
          isinstance(resp, R.SyncResponse) and bob2.syncs[-1].otk_count == 0, desc(resp))
    return bob2


def run():
    if not BASE_URL:
        print("ZHIHANG_BASE_URL is not set (e.g. http://127.0.0.1:18448)", file=sys.stderr)
        return 2
    if not nio.crypto.ENCRYPTION_ENABLED:
        print("matrix-nio has no encryption support (python3-olm missing)", file=sys.stderr)
        return 2
    global failed
    try:
        asyncio.run(asyncio.wait_for(main(), OVERALL_TIMEOUT_S))
    except Exception:  # noqa: BLE001 - any crash is a failed check
        traceback.print_exc(file=sys.stdout)
        check("test ran to completion", False)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(run())
