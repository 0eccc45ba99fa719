#!/usr/bin/env python3
"""synadm 0.38 (Debian's package) against a running Zhihang server: every command an operator uses, each checked by
its EFFECT through the Matrix API (synadm exits 0 on many server errors, so its exit code proves little).

  ZHIHANG_BASE_URL=http://127.0.0.1:8008 ZHIHANG_SHARED_SECRET=... python3 synadm_test.py

The admin is made with Synapse's shared-secret registration; synadm runs non-interactively (--batch, JSON output)
with a config file written here. Prints "N passed, M failed" and exits non-zero on any failure.
"""
import hashlib
import hmac
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

BASE = os.environ["ZHIHANG_BASE_URL"].rstrip("/")
SECRET = os.environ["ZHIHANG_SHARED_SECRET"]
SUFFIX = secrets.token_hex(3)
PASSWORD = "pw-" + secrets.token_hex(8)
TIMEOUT = 30

passed = 0
failed = []


def check(name, condition, detail=""):
    global passed
    if condition:
        passed += 1
        print(f"ok   {name}")
    else:
        failed.append(name)
        print(f"FAIL {name} {detail}")


def http(method, path, token=None, body=None, query=None, raw=None, content_type="application/json"):
    url = BASE + path + ("?" + urllib.parse.urlencode(query) if query else "")
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", content_type)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as resp:
            payload = resp.read()
            return resp.status, (json.loads(payload) if payload[:1] in (b"{", b"[") else payload)
    except urllib.error.HTTPError as err:
        payload = err.read()
        try:
            return err.code, json.loads(payload)
        except ValueError:
            return err.code, payload


def register_admin(name):
    _, nonce = http("GET", "/_synapse/admin/v1/register")
    digest = hmac.new(SECRET.encode(), "\x00".join([nonce["nonce"], name, PASSWORD, "admin"]).encode(),
                      hashlib.sha1).hexdigest()
    status, body = http("POST", "/_synapse/admin/v1/register", body={
        "nonce": nonce["nonce"], "username": name, "password": PASSWORD, "admin": True, "mac": digest})
    assert status == 200, (status, body)
    return body


def register(name, password=PASSWORD, token=None):
    auth = {"type": "m.login.dummy"}
    status, body = http("POST", "/_matrix/client/v3/register", body={"username": name, "password": password})
    if status == 401 and token is not None:
        auth = {"type": "m.login.registration_token", "token": token, "session": body.get("session")}
    elif status == 401:
        auth["session"] = body.get("session")
    if status == 401:
        status, body = http("POST", "/_matrix/client/v3/register",
                            body={"username": name, "password": password, "auth": auth})
    return status, body


def login(user_id, password=PASSWORD):
    return http("POST", "/_matrix/client/v3/login", body={
        "type": "m.login.password", "identifier": {"type": "m.id.user", "user": user_id}, "password": password})


class Synadm:
    def __init__(self, admin):
        self.dir = tempfile.mkdtemp(prefix="synadm-")
        self.config = os.path.join(self.dir, "synadm.yaml")
        server_name = admin["user_id"].split(":", 1)[1]
        settings = {"user": admin["user_id"], "token": admin["access_token"], "base_url": BASE,
                    "admin_path": "/_synapse/admin", "matrix_path": "/_matrix", "timeout": TIMEOUT,
                    "server_discovery": "well-known", "homeserver": server_name, "format": "json"}
        with open(self.config, "w") as f:  # JSON values are valid YAML scalars, quoted where they must be
            f.writelines(f"{key}: {json.dumps(value)}\n" for key, value in settings.items())

    def run(self, *args):
        env = dict(os.environ, HOME=self.dir)
        proc = subprocess.run(["synadm", "--batch", "-o", "json", "-c", self.config, *args], capture_output=True,
                              text=True, timeout=120, env=env)
        out = proc.stdout.strip()
        try:
            parsed = json.loads(out) if out else None
        except ValueError:
            parsed = None
        return proc.returncode, parsed, out, proc.stderr.strip()


def main():
    admin = register_admin(f"sadm-{SUFFIX}")
    token = admin["access_token"]
    synadm = Synadm(admin)
    users = {}
    for name in ("bob", "carol", "dave", "mallory"):
        status, body = register(f"s{name}-{SUFFIX}")
        assert status == 200, (name, status, body)
        users[name] = body
    bob, dave, mallory = users["bob"], users["dave"], users["mallory"]

    # A room of Bob's with a message and an image, for the room and media commands.
    _, room = http("POST", "/_matrix/client/v3/createRoom", bob["access_token"],
                   {"name": f"synadm room {SUFFIX}", "preset": "public_chat"})
    room_id = room["room_id"]
    png = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                        "1f15c4890000000d49444154789c6360000002000100ffff03000006000557bfab"
                        "d40000000049454e44ae426082")
    uploads = []
    for i in range(3):
        _, up = http("POST", "/_matrix/media/v3/upload", bob["access_token"], raw=png + bytes([i]),
                     content_type="image/png", query={"filename": f"pic{i}.png"})
        uploads.append(up["content_uri"])
    for i, mxc in enumerate(uploads):
        http("PUT", f"/_matrix/client/v3/rooms/{room_id}/send/m.room.message/img{i}", bob["access_token"],
             {"msgtype": "m.image", "body": f"pic{i}.png", "url": mxc})
    _, early = http("PUT", f"/_matrix/client/v3/rooms/{room_id}/send/m.room.message/t1", bob["access_token"],
                    {"msgtype": "m.text", "body": f"before the purge {SUFFIX}"})

    # version
    rc, out, raw, err = synadm.run("version")
    check("version prints the server version", isinstance(out, dict) and out.get("server_version"), raw + err)

    # user list / details / modify / password / whois / membership / login / media / shadow-ban / deactivate
    rc, out, raw, err = synadm.run("user", "list", "-l", "500")
    names = [u.get("name") for u in (out or {}).get("users", [])]
    check("user list lists the users", bob["user_id"] in names and (out or {}).get("total", 0) >= 5, raw[:300] + err)
    rc, out, raw, err = synadm.run("user", "list", "-n", f"sbob-{SUFFIX}")
    check("user list -n filters by name", [u.get("name") for u in (out or {}).get("users", [])] == [bob["user_id"]],
          raw[:300] + err)
    rc, out, raw, err = synadm.run("user", "details", bob["user_id"])
    check("user details", isinstance(out, dict) and out.get("name") == bob["user_id"] and not out.get("admin"),
          raw[:300] + err)

    erin = f"@serin-{SUFFIX}:{bob['user_id'].split(':', 1)[1]}"
    rc, out, raw, err = synadm.run("user", "modify", erin, "-P", PASSWORD, "-n", "Erin E")
    status, body = login(erin)
    check("user modify creates a user who can log in", status == 200,
          f"{raw[:200]} {err} {status} {body.get('errcode') if isinstance(body, dict) else ''}")
    _, profile = http("GET", f"/_matrix/client/v3/profile/{urllib.parse.quote(erin)}/displayname")
    check("user modify sets the display name", isinstance(profile, dict) and profile.get("displayname") == "Erin E",
          str(profile))
    synadm.run("user", "modify", bob["user_id"], "--admin")
    _, details = http("GET", f"/_synapse/admin/v2/users/{urllib.parse.quote(bob['user_id'])}", token)
    check("user modify --admin makes an admin", isinstance(details, dict) and details.get("admin") is True,
          str(details))
    synadm.run("user", "modify", bob["user_id"], "--no-admin")

    new_password = "new-" + secrets.token_hex(6)
    rc, out, raw, err = synadm.run("user", "password", users["carol"]["user_id"], "-p", new_password)
    old, _ = login(users["carol"]["user_id"])
    new, _ = login(users["carol"]["user_id"], new_password)
    check("user password changes the password", old == 403 and new == 200, f"{raw} {err} old={old} new={new}")
    status, _ = http("GET", "/_matrix/client/v3/account/whoami", users["carol"]["access_token"])
    check("user password logs the user out", status == 401, str(status))

    rc, out, raw, err = synadm.run("user", "whois", bob["user_id"])
    check("user whois", isinstance(out, dict) and out.get("user_id") == bob["user_id"] and out.get("devices"),
          raw[:300] + err)
    rc, out, raw, err = synadm.run("user", "membership", bob["user_id"])
    check("user membership", isinstance(out, dict) and room_id in out.get("joined_rooms", []), raw[:300] + err)
    rc, out, raw, err = synadm.run("user", "login", bob["user_id"], "--expire-days", "1")
    as_bob = (out or {}).get("access_token") if isinstance(out, dict) else None
    status, who = http("GET", "/_matrix/client/v3/account/whoami", as_bob) if as_bob else (None, None)
    check("user login gives a token that acts as the user",
          status == 200 and who.get("user_id") == bob["user_id"], f"{raw[:200]} {err} {status} {who}")
    rc, out, raw, err = synadm.run("user", "media", bob["user_id"])
    listed = {m.get("media_id") for m in (out or {}).get("media", [])} if isinstance(out, dict) else set()
    check("user media lists the uploads", {u.rsplit("/", 1)[1] for u in uploads} <= listed, raw[:300] + err)

    synadm.run("user", "shadow-ban", mallory["user_id"])
    _, details = http("GET", f"/_synapse/admin/v2/users/{urllib.parse.quote(mallory['user_id'])}", token)
    check("user shadow-ban", isinstance(details, dict) and details.get("shadow_banned") is True, str(details))
    synadm.run("user", "shadow-ban", "--unban", mallory["user_id"])
    _, details = http("GET", f"/_synapse/admin/v2/users/{urllib.parse.quote(mallory['user_id'])}", token)
    check("user shadow-ban --unban", isinstance(details, dict) and details.get("shadow_banned") is False,
          str(details))

    rc, out, raw, err = synadm.run("user", "deactivate", dave["user_id"])
    status, body = login(dave["user_id"])
    check("user deactivate: the user can no longer log in", status in (401, 403),
          f"{raw} {err} {status} {body.get('errcode') if isinstance(body, dict) else ''}")
    rc, out, raw, err = synadm.run("user", "list", "-d", "-l", "500")
    deactivated = [u for u in (out or {}).get("users", []) if u.get("name") == dave["user_id"]]
    check("user list -d shows the deactivated user", deactivated and deactivated[0].get("deactivated") in (1, True),
          raw[:300] + err)

    # room list / details / members / state / join / make-admin
    rc, out, raw, err = synadm.run("room", "list", "-l", "500")
    check("room list", room_id in [r.get("room_id") for r in (out or {}).get("rooms", [])], raw[:300] + err)
    rc, out, raw, err = synadm.run("room", "details", room_id)
    check("room details", isinstance(out, dict) and out.get("room_id") == room_id
          and out.get("name") == f"synadm room {SUFFIX}", raw[:300] + err)
    rc, out, raw, err = synadm.run("room", "state", room_id)
    check("room state", isinstance(out, dict)
          and "m.room.create" in [e.get("type") for e in out.get("state", [])], raw[:300] + err)
    carol = users["carol"]["user_id"]
    synadm.run("room", "join", room_id, carol)
    rc, out, raw, err = synadm.run("room", "members", room_id)
    check("room join, then members lists the user", isinstance(out, dict) and carol in out.get("members", []),
          raw[:300] + err)
    synadm.run("room", "make-admin", room_id, "-u", carol)
    _, levels = http("GET", f"/_matrix/client/v3/rooms/{room_id}/state/m.room.power_levels", bob["access_token"])
    check("room make-admin", isinstance(levels, dict) and levels.get("users", {}).get(carol) == 100, str(levels))

    # media list / quarantine / protect / delete / purge
    media_ids = [u.rsplit("/", 1)[1] for u in uploads]
    server_name = uploads[0].split("/")[2]
    rc, out, raw, err = synadm.run("media", "list", "-r", room_id)
    check("media list -r lists the room's media", isinstance(out, dict)
          and set(uploads) <= set(out.get("local", [])), raw[:300] + err)
    synadm.run("media", "quarantine", "-i", media_ids[0])
    status, _ = http("GET", f"/_matrix/client/v1/media/download/{server_name}/{media_ids[0]}", bob["access_token"])
    check("media quarantine: no longer served", status == 404, str(status))
    synadm.run("media", "protect", media_ids[1])
    synadm.run("media", "quarantine", "-u", bob["user_id"])
    status, _ = http("GET", f"/_matrix/client/v1/media/download/{server_name}/{media_ids[1]}", bob["access_token"])
    check("media protect: spared by a quarantine of the user's media", status == 200, str(status))
    status, _ = http("GET", f"/_matrix/client/v1/media/download/{server_name}/{media_ids[2]}", bob["access_token"])
    check("media quarantine -u: the user's other media not served", status == 404, str(status))
    rc, out, raw, err = synadm.run("media", "delete", "-i", media_ids[2])
    _, listed = http("GET", f"/_synapse/admin/v1/users/{urllib.parse.quote(bob['user_id'])}/media", token)
    left = {m.get("media_id") for m in (listed or {}).get("media", [])} if isinstance(listed, dict) else set()
    check("media delete -i removes it", media_ids[2] not in left and media_ids[1] in left, f"{raw} {err} {left}")
    # synadm 0.38's "-d 0" trips over its own falsy check (UnboundLocalError), so the time is given in ms.
    rc, out, raw, err = synadm.run("media", "purge", "--before-ts", str(int(time.time() * 1000)))
    check("media purge (remote cache)", isinstance(out, dict) and "deleted" in out, raw + err)

    # regtok new / list / update / details / delete, and registration with the token
    tok = f"tok{SUFFIX}"
    rc, out, raw, err = synadm.run("regtok", "new", "-n", tok, "-u", "1")
    check("regtok new", isinstance(out, dict) and out.get("token") == tok and out.get("uses_allowed") == 1,
          raw + err)
    rc, out, raw, err = synadm.run("regtok", "list")
    check("regtok list", tok in [t.get("token") for t in (out or {}).get("registration_tokens", [])], raw[:300] + err)
    synadm.run("regtok", "update", tok, "-u", "2")
    rc, out, raw, err = synadm.run("regtok", "details", tok)
    check("regtok update", isinstance(out, dict) and out.get("uses_allowed") == 2, raw + err)
    synadm.run("regtok", "delete", tok)
    status, _ = http("GET", f"/_synapse/admin/v1/registration_tokens/{tok}", token)
    check("regtok delete", status == 404, str(status))

    # notice send: the user is invited to their server notices room, joins it as Element does, and reads the notice
    rc, out, raw, err = synadm.run("notice", "send", bob["user_id"], f"maintenance tonight {SUFFIX}")
    status, sync = http("GET", "/_matrix/client/v3/sync", bob["access_token"], query={"timeout": "0"})
    invites = (sync or {}).get("rooms", {}).get("invite", {}) if isinstance(sync, dict) else {}
    notice_room = next((room for room, info in invites.items()
                        if any(e.get("sender", "").startswith("@server:")
                               for e in info.get("invite_state", {}).get("events", []))), None)
    bodies, tags = [], {}
    if notice_room:
        http("POST", f"/_matrix/client/v3/join/{notice_room}", bob["access_token"], {})
        _, page = http("GET", f"/_matrix/client/v3/rooms/{notice_room}/messages", bob["access_token"],
                       query={"dir": "b", "limit": "20"})
        bodies = [e.get("content", {}).get("body") for e in (page or {}).get("chunk", [])]
        _, tags = http("GET", f"/_matrix/client/v3/user/{urllib.parse.quote(bob['user_id'])}/rooms/"
                              f"{notice_room}/tags", bob["access_token"])
    check("notice send reaches the user's server notices room", f"maintenance tonight {SUFFIX}" in bodies
          and "m.server_notice" in (tags or {}).get("tags", {}), f"{raw} {err} {notice_room} {bodies} {tags}")
    status, _ = http("POST", f"/_matrix/client/v3/rooms/{notice_room}/leave", bob["access_token"], {})
    check("the user cannot leave the server notices room", status == 403, str(status))

    # history purge + purge-status
    _, late = http("PUT", f"/_matrix/client/v3/rooms/{room_id}/send/m.room.message/t2", bob["access_token"],
                   {"msgtype": "m.text", "body": f"after the purge {SUFFIX}"})
    # As Synapse, a purge keeps local users' events unless told to delete them too.
    rc, out, raw, err = synadm.run("history", "purge", room_id, "-i", late["event_id"], "--delete-local")
    purge_id = out.get("purge_id") if isinstance(out, dict) else None
    status = None
    deadline = time.monotonic() + 30
    while purge_id and time.monotonic() < deadline:
        st = synadm.run("history", "purge-status", purge_id)[1]
        status = (st or {}).get("status") if isinstance(st, dict) else None
        if status in ("complete", "failed"):
            break
        time.sleep(0.2)
    _, page = http("GET", f"/_matrix/client/v3/rooms/{room_id}/messages", bob["access_token"],
                   query={"dir": "b", "limit": "50"})
    bodies = [e.get("content", {}).get("body") for e in (page or {}).get("chunk", [])]
    check("history purge removes the earlier message", status == "complete"
          and f"before the purge {SUFFIX}" not in bodies and f"after the purge {SUFFIX}" in bodies,
          f"{raw} {err} {status} {bodies}")

    # room delete (last: it kicks everyone)
    rc, out, raw, err = synadm.run("room", "delete", room_id, "--block")
    status, _ = http("POST", f"/_matrix/client/v3/join/{room_id}", users["mallory"]["access_token"], {})
    check("room delete --block: nobody can join again", status == 403, f"{raw[:200]} {err} {status}")
    _, joined = http("GET", "/_matrix/client/v3/joined_rooms", bob["access_token"])
    check("room delete: the members are out", room_id not in (joined or {}).get("joined_rooms", []), str(joined))

    print(f"{passed} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
