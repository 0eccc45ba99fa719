// Friends, direct chats, blocks and private sessions with the real matrix-js-sdk: what a user does through the
// enhanced API (/_synapse/enhanced/…) shows up in the SDK's own store through /sync, as Element would show it.
//
//   ZHIHANG_BASE_URL=http://127.0.0.1:18448 node_modules/node/bin/node --test social.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";

import { ClientEvent, Direction, EventType, MsgType, RoomEvent, SyncState } from "matrix-js-sdk";

import {
    TEST_TIMEOUT_MS,
    BASE_URL,
    boundedFetch,
    uniqueSuffix,
    newClient,
    stopAllClients,
    registerUser,
    assertMatrixError,
    syncingClient,
    until,
} from "./support.mjs";

const suffix = uniqueSuffix();
const PASSWORD = `pw-${randomBytes(8).toString("hex")}`;
const WAIT_MS = 15_000;
const opts = { timeout: TEST_TIMEOUT_MS };
const s = {};

/** One request to the enhanced API (or any path) as `session`; resolves to { status, body }. */
async function call(session, method, path, body) {
    const res = await boundedFetch(`${BASE_URL}${path}`, {
        method,
        headers: { Authorization: `Bearer ${session.access_token}`, "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
}

async function ok(session, method, path, body) {
    const res = await call(session, method, path, body);
    assert.equal(res.status, 200, `${method} ${path}: ${JSON.stringify(res.body)}`);
    return res.body;
}

const enc = encodeURIComponent;

async function start(client) {
    await client.startClient({ initialSyncLimit: 20, lazyLoadMembers: true, pollTimeout: 5_000 });
    await until(client, [ClientEvent.Sync], () => {
        const state = client.getSyncState();
        if (state === SyncState.Error) throw new Error(`${client.requestLog.label}: first sync failed`);
        return state === SyncState.Prepared || state === SyncState.Syncing;
    }, `${client.requestLog.label}'s first sync`, WAIT_MS);
}

function accountData(client, type) {
    return client.getAccountData(type)?.getContent();
}

function untilAccountData(client, type, predicate, label) {
    return until(client, [ClientEvent.AccountData, ClientEvent.Sync], () => {
        const content = accountData(client, type);
        return content && predicate(content) ? content : undefined;
    }, `${client.requestLog.label}: ${label}`, WAIT_MS, () => `${type} = ${JSON.stringify(accountData(client, type))}`);
}

function untilTimeline(client, roomId, predicate, label) {
    return until(client, [RoomEvent.Timeline, ClientEvent.Sync], () => {
        const room = client.getRoom(roomId);
        return room?.getLiveTimeline().getEvents().find(predicate);
    }, `${client.requestLog.label}: ${label}`, WAIT_MS, () => {
        const room = client.getRoom(roomId);
        return `timeline: ${JSON.stringify(room?.getLiveTimeline().getEvents().map((e) => [e.getType(), e.getSender(), e.getContent()?.body]))}`;
    });
}

before(async () => {
    const anon = newClient();
    s.a = await registerUser(anon, `soc-a-${suffix}`, PASSWORD);
    s.b = await registerUser(anon, `soc-b-${suffix}`, PASSWORD);
    s.c = await registerUser(anon, `soc-c-${suffix}`, PASSWORD);
    s.alice = syncingClient(s.a, "alice");
    s.bob = syncingClient(s.b, "bob");
    await Promise.all([start(s.alice), start(s.bob)]);
});

after(stopAllClients);

test("a friend request reaches Bob's running client through sync; accepting opens one direct chat in both m.direct", opts, async () => {
    const sent = await ok(s.a, "POST", `/_synapse/enhanced/friend/request/${enc(s.b.user_id)}`, { message: "hello from alice" });
    assert.equal(sent.status, "pending");

    const pending = await untilAccountData(s.bob, "io.zhihang.friend_requests",
        (c) => c.requests?.some((r) => r.request_id === sent.request_id), "the friend request");
    const request = pending.requests.find((r) => r.request_id === sent.request_id);
    assert.equal(request.message, "hello from alice");
    assert.equal(request.sender?.user_id ?? request.sender, s.a.user_id);

    const accepted = await ok(s.b, "POST", `/_synapse/enhanced/friend/request/${enc(sent.request_id)}/accept`, {});
    assert.equal(accepted.status, "accepted");
    s.dm = accepted.room_id;
    assert.match(s.dm, /^!/);

    // The request is no longer pending for Bob's client, and both list each other as friends.
    await untilAccountData(s.bob, "io.zhihang.friend_requests",
        (c) => !c.requests?.some((r) => r.request_id === sent.request_id), "the request leaving the pending list");
    const friends = await ok(s.a, "GET", `/_synapse/enhanced/friends/${enc(s.a.user_id)}`);
    assert.deepEqual(friends.friends.map((f) => f.user_id), [s.b.user_id]);

    // Alice's client sees the invite to the direct chat and joins it as Element does.
    await until(s.alice, [RoomEvent.MyMembership, ClientEvent.Room, ClientEvent.Sync],
        () => s.alice.getRoom(s.dm)?.getMyMembership() === "invite", "alice: the DM invite", WAIT_MS);
    await s.alice.joinRoom(s.dm);

    await untilAccountData(s.bob, EventType.Direct, (c) => c[s.a.user_id]?.includes(s.dm), "m.direct lists the DM");
    await untilAccountData(s.alice, EventType.Direct, (c) => c[s.b.user_id]?.includes(s.dm), "m.direct lists the DM");

    // Opening the direct chat again (either side) reuses it.
    assert.equal((await ok(s.a, "POST", "/_matrix/client/r0/createDM", { user_id: s.b.user_id })).room_id, s.dm);
    assert.equal((await ok(s.b, "POST", "/_matrix/client/r0/createDM", { user_id: s.a.user_id })).room_id, s.dm);
});

test("the two clients exchange messages in the direct chat", opts, async () => {
    await s.alice.sendMessage(s.dm, { msgtype: MsgType.Text, body: "hi bob" });
    await untilTimeline(s.bob, s.dm, (e) => e.getContent()?.body === "hi bob", "alice's message");
    await s.bob.sendMessage(s.dm, { msgtype: MsgType.Text, body: "hi alice" });
    await untilTimeline(s.alice, s.dm, (e) => e.getContent()?.body === "hi alice", "bob's message");
});

test("Bob blocks Alice: her invites are refused and her messages no longer reach his client", opts, async () => {
    await ok(s.b, "POST", `/_synapse/enhanced/friend/blocks/${enc(s.b.user_id)}`, { user_id: s.a.user_id });
    // The block is Element's "ignore": the SDK sees it in m.ignored_user_list.
    await until(s.bob, [ClientEvent.AccountData, ClientEvent.Sync],
        () => s.bob.getIgnoredUsers().includes(s.a.user_id), "bob: the ignore list", WAIT_MS);
    const friends = await ok(s.a, "GET", `/_synapse/enhanced/friends/${enc(s.a.user_id)}`);
    assert.deepEqual(friends.friends, [], "a block ends the friendship");

    const { room_id: other } = await s.alice.createRoom({ preset: "private_chat", name: `after the block ${suffix}` });
    await assertMatrixError(s.alice.invite(other, s.b.user_id), "M_FORBIDDEN", 403);
    const request = await call(s.a, "POST", `/_synapse/enhanced/friend/request/${enc(s.b.user_id)}`, {});
    assert.equal(request.status, 403);
    assert.equal(request.body.errcode, "M_FORBIDDEN");

    // Alice writes in the old direct chat, then Bob does: when Bob's client has his own later message,
    // it would have had Alice's earlier one too.
    await s.alice.sendMessage(s.dm, { msgtype: MsgType.Text, body: "are you there?" });
    await s.bob.sendMessage(s.dm, { msgtype: MsgType.Text, body: "marker after the block" });
    await untilTimeline(s.bob, s.dm, (e) => e.getContent()?.body === "marker after the block", "his own marker");
    const bodies = s.bob.getRoom(s.dm).getLiveTimeline().getEvents().map((e) => e.getContent()?.body);
    assert.ok(!bodies.includes("are you there?"), `alice's message after the block reached bob: ${bodies}`);
    const history = await s.bob.createMessagesRequest(s.dm, null, 50, Direction.Backward);
    assert.ok(!history.chunk.some((e) => e.content?.body === "are you there?"), "nor his history");
});

test("a private session with a 2 s TTL: the message is there, then gone from history", opts, async () => {
    const created = await ok(s.a, "POST", "/_synapse/enhanced/private/sessions",
        { target_user_id: s.c.user_id, name: `ttl ${suffix}`, ttl_seconds: 2, auto_delete: true });
    const sessionId = created.session_id;
    assert.ok(sessionId);
    const sent = await ok(s.a, "POST", `/_synapse/enhanced/private/sessions/${enc(sessionId)}/messages`,
        { content: { msgtype: "m.text", body: "this goes away" } });
    assert.ok(sent.message_id);

    const carol = syncingClient(s.c, "carol");
    await start(carol);
    const listed = await ok(s.c, "GET", "/_synapse/enhanced/private/sessions");
    assert.ok(listed.sessions.some((x) => x.session_id === sessionId), JSON.stringify(listed));
    const before = await ok(s.c, "GET", `/_synapse/enhanced/private/sessions/${enc(sessionId)}/messages`);
    assert.ok(JSON.stringify(before).includes("this goes away"), JSON.stringify(before));

    // Gone once due: polled with a bound, through the plain Matrix history Alice's SDK reads.
    const roomId = created.room_id ?? sessionId;
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
        const page = await s.alice.createMessagesRequest(roomId, null, 50, Direction.Backward);
        const bodies = page.chunk.filter((e) => e.type === EventType.RoomMessage).map((e) => e.content?.body);
        if (!bodies.includes("this goes away")) break;
        assert.ok(Date.now() < deadline, `still there after ${WAIT_MS} ms: ${bodies}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const after = await ok(s.c, "GET", `/_synapse/enhanced/private/sessions/${enc(sessionId)}/messages`);
    assert.ok(!JSON.stringify(after).includes("this goes away"), JSON.stringify(after));
});
