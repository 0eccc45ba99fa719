#!/usr/bin/python3
"""Smoke test of the Zhihang homeserver with the real matrix-nio (Debian's python3-matrix-nio).

Usage: ZHIHANG_BASE_URL=http://127.0.0.1:18448 /usr/bin/python3 smoke_nio.py

matrix-nio 0.20 builds every Client-Server path on /_matrix/client/r0, so this
exercises the r0 aliases; a few direct aiohttp calls check that explicitly and
cover what nio does not model (the 401 UIA answer of /register, v3 whoami).
Then a /sync round trip: an invite and a full-state sync, a message from another
user in a later incremental sync, each event once, the sender's transaction id.
Ends with a line `N passed, M failed` and exits non-zero on any failure.
"""
import asyncio
import os
import secrets
import sys
import time
import traceback

import aiohttp
import nio
from nio import responses as R
from nio import AsyncClient, AsyncClientConfig

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


def new_client(user=""):
    # Bounded: each request times out, timeouts and 429s are retried at most once.
    config = AsyncClientConfig(
        request_timeout=REQUEST_TIMEOUT_S,
        max_timeouts=1,
        max_limit_exceeded=1,
        max_timeout_retry_wait_time=1,
        store_sync_tokens=False,
        encryption_enabled=False,
    )
    return AsyncClient(BASE_URL, user, config=config)


def desc(resp):
    """Short description of a nio response (its repr includes the whole HTTP transport)."""
    if isinstance(resp, R.ErrorResponse):
        return f"{type(resp).__name__}(status_code={resp.status_code!r}, message={resp.message!r})"
    fields = {k: v for k, v in vars(resp).items()
              if k not in ("uuid", "start_time", "end_time", "timeout", "transport_response")}
    return f"{type(resp).__name__}({fields})"


async def raw(session, method, path, token=None, json=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    async with session.request(method, BASE_URL + path, json=json, headers=headers) as resp:
        return resp.status, await resp.json(content_type=None)


async def main():
    suffix = f"{int(time.time() * 1000):x}{secrets.token_hex(3)}"
    username = f"niouser_{suffix}"
    password = f"pw-{secrets.token_hex(8)}"

    check("nio builds paths on /_matrix/client/r0",
          nio.Api.register(username, password)[1].startswith("/_matrix/client/r0/"),
          nio.Api.register(username, password)[1])

    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S)
    async with aiohttp.ClientSession(timeout=timeout) as http:
        # r0 register without auth: a UIA 401 offering m.login.dummy (nio never sends this).
        status, body = await raw(http, "POST", "/_matrix/client/r0/register",
                                 json={"username": username, "password": password})
        check("r0 register without auth is a UIA 401 with m.login.dummy",
              status == 401 and isinstance(body.get("session"), str)
              and any("m.login.dummy" in f.get("stages", []) for f in body.get("flows", [])),
              f"{status} {body}")

        # Register: nio sends a single request already carrying auth {type: m.login.dummy}.
        reg_client = new_client()
        try:
            resp = await reg_client.register(username, password, device_name="nio register")
            check("nio register (auth m.login.dummy in the first request)",
                  isinstance(resp, R.RegisterResponse) and resp.user_id.startswith(f"@{username}:"),
                  desc(resp))
            user_id = getattr(resp, "user_id", f"@{username}:localhost")
            reg_token = getattr(resp, "access_token", None)
            reg_device = getattr(resp, "device_id", None)

            resp = await reg_client.register(username, password)
            check("nio register of a taken username fails with M_USER_IN_USE",
                  isinstance(resp, R.RegisterErrorResponse) and resp.status_code == "M_USER_IN_USE",
                  desc(resp))
        finally:
            await reg_client.close()

        client = new_client(username)
        try:
            # Wrong password first.
            resp = await client.login(password + "-wrong")
            check("nio login with a wrong password fails with M_FORBIDDEN",
                  isinstance(resp, R.LoginError) and resp.status_code == "M_FORBIDDEN",
                  desc(resp))

            resp = await client.login(password, device_name="nio login")
            check("nio login with password",
                  isinstance(resp, R.LoginResponse) and resp.user_id == user_id
                  and resp.device_id != reg_device,
                  desc(resp))
            token = getattr(resp, "access_token", None)
            device = getattr(resp, "device_id", None)

            resp = await client.whoami()
            check("nio whoami",
                  isinstance(resp, R.WhoamiResponse) and resp.user_id == user_id,
                  desc(resp))

            # nio 0.20's WhoamiResponse keeps only user_id; check device_id on both prefixes.
            for prefix in ("r0", "v3"):
                status, body = await raw(http, "GET", f"/_matrix/client/{prefix}/account/whoami", token)
                check(f"{prefix} whoami returns the login's user and device",
                      status == 200 and body.get("user_id") == user_id
                      and body.get("device_id") == device,
                      f"{status} {body}")

            resp = await client.devices()
            ids = [d.id for d in getattr(resp, "devices", [])]
            check("nio devices lists both sessions",
                  isinstance(resp, R.DevicesResponse) and reg_device in ids and device in ids,
                  desc(resp))

            resp = await client.set_displayname(f"Nio Smoke {suffix}")
            check("nio set_displayname", isinstance(resp, R.ProfileSetDisplayNameResponse), desc(resp))
            resp = await client.get_displayname(user_id)
            check("nio get_displayname",
                  isinstance(resp, R.ProfileGetDisplayNameResponse)
                  and resp.displayname == f"Nio Smoke {suffix}",
                  desc(resp))

            resp = await client.logout()
            check("nio logout", isinstance(resp, R.LogoutResponse), desc(resp))

            status, body = await raw(http, "GET", "/_matrix/client/r0/account/whoami", token)
            check("r0 whoami with the logged-out token is M_UNKNOWN_TOKEN",
                  status == 401 and body.get("errcode") == "M_UNKNOWN_TOKEN", f"{status} {body}")

            # nio keeps no token after logout; give it the old one back to see nio's error type.
            client.access_token = token
            resp = await client.whoami()
            check("nio whoami with the logged-out token fails with M_UNKNOWN_TOKEN",
                  isinstance(resp, R.WhoamiError) and resp.status_code == "M_UNKNOWN_TOKEN",
                  desc(resp))

            status, body = await raw(http, "GET", "/_matrix/client/r0/account/whoami", reg_token)
            check("the registration session survives that logout",
                  status == 200 and body.get("device_id") == reg_device, f"{status} {body}")
        finally:
            await client.close()

    await sync_round_trip(suffix)


async def register_client(name, password):
    client = new_client()
    resp = await client.register(name, password, device_name=f"nio {name}")
    if not isinstance(resp, R.RegisterResponse):
        await client.close()
        raise RuntimeError(f"register {name}: {desc(resp)}")
    return client


def room_timeline(resp, room_id):
    """The room's timeline events in a SyncResponse (empty when the room is absent)."""
    room = resp.rooms.join.get(room_id)
    return room.timeline.events if room else []


async def sync_until(client, since, want, deadline):
    """Incremental syncs (long-poll 5 s) from `since` until `want(events)` holds or `deadline` passes;
    returns (events of every answer, the last next_batch, the number of requests)."""
    events, requests = [], 0
    while True:
        left_ms = int((deadline - time.monotonic()) * 1000)
        resp = await client.sync(timeout=max(1, min(5000, left_ms)), since=since)
        requests += 1
        if not isinstance(resp, R.SyncResponse):
            raise RuntimeError(f"sync since {since}: {desc(resp)}")
        events.extend(resp.rooms.join.items())
        since = resp.next_batch
        if want(events) or time.monotonic() >= deadline:
            return events, since, requests


async def sync_round_trip(suffix):
    password = f"pw-{secrets.token_hex(8)}"
    room_name = f"nio sync {suffix}"
    alice = await register_client(f"niosyncalice_{suffix}", password)
    bob = await register_client(f"niosyncbob_{suffix}", password)
    try:
        resp = await alice.room_create(name=room_name, invite=[bob.user_id])
        check("nio room_create with an invite", isinstance(resp, R.RoomCreateResponse), desc(resp))
        room_id = resp.room_id

        # Bob's first sync: initial, full state, the invite with its stripped state.
        resp = await bob.sync(timeout=0, full_state=True)
        check("nio initial sync (full_state=True) answers with next_batch",
              isinstance(resp, R.SyncResponse) and bool(resp.next_batch), desc(resp))
        invite = resp.rooms.invite.get(room_id) if isinstance(resp, R.SyncResponse) else None
        check("the invite is in rooms.invite with the room's name in invite_state",
              invite is not None and any(getattr(e, "name", None) == room_name for e in invite.invite_state),
              desc(resp))
        check("nio's room store has the invited room", room_id in bob.invited_rooms,
              f"invited rooms {list(bob.invited_rooms)}")

        resp = await bob.join(room_id)
        check("nio join", isinstance(resp, R.JoinResponse) and resp.room_id == room_id, desc(resp))

        # Full state again after the join (since= the previous token): the room's whole state.
        resp = await bob.sync(timeout=0, full_state=True)
        joined = resp.rooms.join.get(room_id) if isinstance(resp, R.SyncResponse) else None
        state_types = {e.source.get("type") for e in (joined.state if joined else [])} | {
            e.source.get("type") for e in (joined.timeline.events if joined else []) if "state_key" in e.source}
        check("a full_state sync after the join lists the room in rooms.join with its state",
              joined is not None and {"m.room.create", "m.room.name", "m.room.member"} <= state_types,
              f"state types {sorted(state_types)}" if joined else desc(resp))
        check("nio's room store knows the name and both members",
              room_id in bob.rooms and bob.rooms[room_id].name == room_name
              and {alice.user_id, bob.user_id} <= set(bob.rooms[room_id].users),
              f"name {getattr(bob.rooms.get(room_id), 'name', None)!r}, "
              f"users {list(getattr(bob.rooms.get(room_id), 'users', {}))}")
        since = bob.next_batch

        # Alice's message reaches Bob in a later incremental sync, once.
        body = f"hello Bob over /sync ({suffix})"
        tx_id = f"nio-sync-{suffix}"
        resp = await alice.room_send(room_id, "m.room.message", {"msgtype": "m.text", "body": body}, tx_id=tx_id)
        check("nio room_send", isinstance(resp, R.RoomSendResponse), desc(resp))
        event_id = getattr(resp, "event_id", None)

        def copies(batches):
            return [e for rid, room in batches if rid == room_id for e in room.timeline.events
                    if getattr(e, "event_id", None) == event_id]

        batches, since, requests = await sync_until(
            bob, since, lambda b: copies(b), time.monotonic() + REQUEST_TIMEOUT_S)
        found = copies(batches)
        check("Alice's message arrives in Bob's incremental sync (timeline.events), once",
              len(found) == 1 and isinstance(found[0], nio.RoomMessageText) and found[0].body == body
              and found[0].sender == alice.user_id,
              f"{len(found)} copies after {requests} syncs: {[desc_event(e) for e in found]}")
        others = [e.source.get("event_id") for rid, room in batches if rid == room_id
                  for e in room.timeline.events if getattr(e, "event_id", None) != event_id]
        check("nothing else in those incremental syncs' timelines", not others, f"{others}")
        check("another user's event carries no transaction_id",
              all("transaction_id" not in e.source.get("unsigned", {}) for e in found), f"{found}")

        resp = await bob.sync(timeout=0, since=since)
        check("the next incremental sync does not repeat it",
              isinstance(resp, R.SyncResponse) and not room_timeline(resp, room_id),
              desc(resp) if not isinstance(resp, R.SyncResponse) else
              f"{[desc_event(e) for e in room_timeline(resp, room_id)]}")

        # Alice's own sync: her event with her transaction id.
        resp = await alice.sync(timeout=0, full_state=True)
        mine = [e for e in room_timeline(resp, room_id) if getattr(e, "event_id", None) == event_id] \
            if isinstance(resp, R.SyncResponse) else []
        check("the sender's own sync carries unsigned.transaction_id",
              len(mine) == 1 and mine[0].source.get("unsigned", {}).get("transaction_id") == tx_id,
              f"{[e.source for e in mine]}" if mine else desc(resp))
    finally:
        await alice.close()
        await bob.close()


def desc_event(event):
    return {k: event.source.get(k) for k in ("type", "event_id", "sender", "content", "unsigned")}


def run():
    if not BASE_URL:
        print("ZHIHANG_BASE_URL is not set (e.g. http://127.0.0.1:18448)", file=sys.stderr)
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
