// Rooms with the real matrix-js-sdk, without /sync: the tests call the SDK's request
// methods (createRoom, joinRoom, sendMessage, createMessagesRequest, ...) and never
// startClient, so nothing relies on the SDK's room store.
//
// Run with the Node 22 binary shipped by the `node` devDependency:
//   ZHIHANG_BASE_URL=http://127.0.0.1:18448 node_modules/node/bin/node --test rooms.test.mjs
//
// Top-level tests in one file run in order, so later tests use the state that
// earlier ones set up; a failed step makes the dependent ones fail too.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";

import { Direction, EventType, Method, MsgType } from "matrix-js-sdk";

import {
    TEST_TIMEOUT_MS,
    uniqueSuffix,
    newClient,
    authedClient,
    stopAllClients,
    registerUser,
    assertMatrixError,
} from "./support.mjs";

const suffix = uniqueSuffix();
const PASSWORD = `pw-${randomBytes(8).toString("hex")}`;
const ROOM_NAME = `JS rooms ${suffix}`;
const ROOM_TOPIC = "matrix-js-sdk without sync";
const MESSAGE_COUNT = 20;
const PAGE_SIZE = 5;
const MAX_PAGES = 50; // bound on the pagination loop

const opts = { timeout: TEST_TIMEOUT_MS };
const s = {}; // state shared by the ordered tests
let anon;
let alice;
let bob;
let eve;

let txnCounter = 0;
const txn = (label) => `js-${label}-${suffix}-${++txnCounter}`;
const text = (body) => ({ msgtype: MsgType.Text, body });
const bodyOf = (i) => `message ${i + 1} of ${MESSAGE_COUNT} (${suffix})`;
// Even messages are Alice's, odd ones Bob's.
const EDITED = 4; // Alice's
const REPLIED_TO = 10; // Alice's
const REDACTED = 8; // Alice's

/** Pages backward with createMessagesRequest until `end` is absent; returns events newest first. */
async function paginateBackward(client, roomId, pageSize) {
    const events = [];
    const pages = [];
    let from;
    for (let page = 0; page < MAX_PAGES; page++) {
        const res = await client.createMessagesRequest(roomId, from, pageSize, Direction.Backward);
        assert.ok(Array.isArray(res.chunk), `chunk is an array in ${JSON.stringify(res)}`);
        assert.ok(res.chunk.length <= pageSize, `page ${page}: ${res.chunk.length} events > limit ${pageSize}`);
        assert.equal(typeof res.start, "string", `page ${page}: start token`);
        if (from !== undefined) assert.equal(res.start, from, `page ${page}: start echoes from`);
        pages.push(res.chunk.length);
        events.push(...res.chunk);
        if (res.end === undefined) return { events, pages };
        assert.equal(typeof res.end, "string", `page ${page}: end token`);
        assert.notEqual(res.end, from, `page ${page}: end token moves`);
        assert.ok(res.chunk.length > 0, `page ${page}: empty page but end=${res.end}`);
        from = res.end;
    }
    assert.fail(`still an end token after ${MAX_PAGES} pages of ${pageSize}`);
}

function redactsOf(redaction) {
    return redaction.redacts ?? redaction.content?.redacts;
}

before(() => {
    anon = newClient();
});

after(stopAllClients);

test("register Alice, Bob and Eve", opts, async () => {
    s.alice = await registerUser(anon, `jsalice_${suffix}`, PASSWORD);
    s.bob = await registerUser(anon, `jsbob_${suffix}`, PASSWORD);
    s.eve = await registerUser(anon, `jseve_${suffix}`, PASSWORD);
    alice = authedClient(s.alice);
    bob = authedClient(s.bob);
    eve = authedClient(s.eve);
    s.serverName = s.alice.user_id.slice(s.alice.user_id.indexOf(":") + 1);
});

test("Alice creates a private room (private_chat, name, topic) inviting Bob", opts, async () => {
    const res = await alice.createRoom({
        preset: "private_chat",
        name: ROOM_NAME,
        topic: ROOM_TOPIC,
        invite: [s.bob.user_id],
    });
    assert.match(res.room_id, /^!.+/, `room id ${res.room_id}`);
    s.roomId = res.room_id;

    assert.ok((await alice.getJoinedRooms()).joined_rooms.includes(s.roomId), "Alice has joined");
    assert.ok(!(await bob.getJoinedRooms()).joined_rooms.includes(s.roomId), "Bob is only invited");

    const { chunk } = await alice.members(s.roomId);
    const membership = Object.fromEntries(chunk.map((e) => [e.state_key, e.content.membership]));
    assert.deepEqual(membership, { [s.alice.user_id]: "join", [s.bob.user_id]: "invite" });
});

test("room state: roomState and getStateEvent (with and without the empty state key)", opts, async () => {
    const stateEvents = await alice.roomState(s.roomId);
    assert.ok(Array.isArray(stateEvents), "GET /state is an array");
    const byType = (type, key = "") => stateEvents.find((e) => e.type === type && e.state_key === key);
    const create = byType(EventType.RoomCreate);
    assert.ok(create, "m.room.create in state");
    assert.equal(create.sender, s.alice.user_id);
    assert.equal(typeof create.content.room_version, "string");
    assert.equal(byType(EventType.RoomJoinRules)?.content.join_rule, "invite");
    assert.equal(byType(EventType.RoomHistoryVisibility)?.content.history_visibility, "shared");
    assert.equal(byType(EventType.RoomName)?.content.name, ROOM_NAME);
    assert.equal(byType(EventType.RoomTopic)?.content.topic, ROOM_TOPIC);
    assert.equal(byType(EventType.RoomMember, s.bob.user_id)?.content.membership, "invite");
    const power = byType(EventType.RoomPowerLevels)?.content;
    assert.equal(power?.users?.[s.alice.user_id], 100, `Alice's power in ${JSON.stringify(power)}`);
    for (const e of stateEvents) {
        assert.equal(e.room_id, s.roomId);
        assert.match(e.event_id, /^\$/);
    }
    s.roomVersion = create.content.room_version;

    // GET /state/m.room.name and GET /state/m.room.name/ (the SDK adds the slash for "").
    assert.deepEqual(await alice.getStateEvent(s.roomId, EventType.RoomName), { name: ROOM_NAME });
    assert.deepEqual(await alice.getStateEvent(s.roomId, EventType.RoomName, ""), { name: ROOM_NAME });
    assert.equal(
        (await alice.getStateEvent(s.roomId, EventType.RoomMember, s.bob.user_id)).membership,
        "invite",
    );
    await assertMatrixError(alice.getStateEvent(s.roomId, "org.example.absent", ""), "M_NOT_FOUND", 404);
});

test("Eve, not invited, cannot join the invite-only room", opts, async () => {
    await assertMatrixError(eve.joinRoom(s.roomId), "M_FORBIDDEN", 403);
});

test("Bob joins with client.joinRoom", opts, async () => {
    const room = await bob.joinRoom(s.roomId);
    assert.equal(room.roomId, s.roomId);
    assert.ok((await bob.getJoinedRooms()).joined_rooms.includes(s.roomId), "Bob has joined");
    const { joined } = await bob.getJoinedRoomMembers(s.roomId);
    assert.deepEqual(Object.keys(joined).sort(), [s.alice.user_id, s.bob.user_id].sort());
    const { chunk } = await bob.members(s.roomId, "join");
    assert.deepEqual(chunk.map((e) => e.state_key).sort(), [s.alice.user_id, s.bob.user_id].sort());
});

test("Bob (power 0) cannot set the room name: M_FORBIDDEN", opts, async () => {
    await assertMatrixError(bob.setRoomName(s.roomId, "Bob's room"), "M_FORBIDDEN", 403);
    assert.deepEqual(await bob.getStateEvent(s.roomId, EventType.RoomName, ""), { name: ROOM_NAME });
});

test("Alice sets the topic with sendStateEvent; getStateEvent reads it back", opts, async () => {
    const res = await alice.sendStateEvent(s.roomId, EventType.RoomTopic, { topic: `${ROOM_TOPIC}!` }, "");
    assert.match(res.event_id, /^\$/);
    assert.equal((await bob.getStateEvent(s.roomId, EventType.RoomTopic, "")).topic, `${ROOM_TOPIC}!`);
    s.topicEventId = res.event_id;
});

test(`Alice and Bob exchange ${MESSAGE_COUNT} messages with sendMessage (explicit txnIds)`, opts, async () => {
    s.messages = [];
    for (let i = 0; i < MESSAGE_COUNT; i++) {
        const sender = i % 2 === 0 ? alice : bob;
        const res = await sender.sendMessage(s.roomId, text(bodyOf(i)), txn(`msg${i}`));
        assert.match(res.event_id, /^\$/, `event id of message ${i + 1}`);
        s.messages.push(res.event_id);
    }
    assert.equal(new Set(s.messages).size, MESSAGE_COUNT, "distinct event ids");
});

test("Alice edits one of her messages (m.replace)", opts, async () => {
    const target = s.messages[EDITED];
    const content = {
        msgtype: MsgType.Text,
        body: `* ${bodyOf(EDITED)} (edited)`,
        "m.new_content": text(`${bodyOf(EDITED)} (edited)`),
        "m.relates_to": { rel_type: "m.replace", event_id: target },
    };
    const res = await alice.sendEvent(s.roomId, EventType.RoomMessage, content, txn("edit"));
    assert.match(res.event_id, /^\$/);
    s.editId = res.event_id;
});

test("Bob replies to one of Alice's messages (m.in_reply_to)", opts, async () => {
    const target = s.messages[REPLIED_TO];
    const res = await bob.sendMessage(
        s.roomId,
        {
            msgtype: MsgType.Text,
            body: `> <${s.alice.user_id}> ${bodyOf(REPLIED_TO)}\n\nBob's reply`,
            "m.relates_to": { "m.in_reply_to": { event_id: target } },
        },
        txn("reply"),
    );
    assert.match(res.event_id, /^\$/);
    s.replyId = res.event_id;
});

test("Bob (power 0) cannot redact Alice's message: M_FORBIDDEN", opts, async () => {
    await assertMatrixError(
        bob.redactEvent(s.roomId, s.messages[REDACTED], txn("bob-redact")),
        "M_FORBIDDEN",
        403,
    );
});

test("Alice redacts one of her messages; fetchRoomEvent shows it redacted", opts, async () => {
    const target = s.messages[REDACTED];
    const res = await alice.redactEvent(s.roomId, target, txn("redact"), { reason: "typo" });
    assert.match(res.event_id, /^\$/);
    s.redactionId = res.event_id;

    const redacted = await bob.fetchRoomEvent(s.roomId, target);
    assert.equal(redacted.event_id, target);
    assert.equal(redacted.type, EventType.RoomMessage);
    assert.equal(redacted.sender, s.alice.user_id);
    assert.deepEqual(redacted.content, {}, "redacted content is empty");
    const because = redacted.unsigned?.redacted_because;
    assert.ok(because, `unsigned.redacted_because in ${JSON.stringify(redacted)}`);
    assert.equal(because.event_id, s.redactionId);
    assert.equal(because.type, EventType.RoomRedaction);
    assert.equal(redactsOf(because), target);

    const intact = await bob.fetchRoomEvent(s.roomId, s.messages[REDACTED + 1]);
    assert.equal(intact.content.body, bodyOf(REDACTED + 1));
    await assertMatrixError(bob.fetchRoomEvent(s.roomId, `$absent${suffix}`), "M_NOT_FOUND", 404);
});

test(`Bob paginates the whole history backward in pages of ${PAGE_SIZE}`, opts, async () => {
    const { events, pages } = await paginateBackward(bob, s.roomId, PAGE_SIZE);
    const ids = events.map((e) => e.event_id);
    assert.equal(new Set(ids).size, ids.length, "no event twice across pages");
    assert.ok(pages.length >= Math.ceil(ids.length / PAGE_SIZE), `pages ${pages}`);
    for (const e of events) {
        assert.equal(e.room_id, s.roomId);
        assert.equal(typeof e.sender, "string");
        assert.equal(typeof e.origin_server_ts, "number");
        assert.equal(typeof e.type, "string");
    }

    // The m.room.create event is the oldest, and time never runs backward.
    assert.equal(events.at(-1).type, EventType.RoomCreate, `oldest is ${events.at(-1).type}`);
    for (let i = 1; i < events.length; i++) {
        assert.ok(
            events[i - 1].origin_server_ts >= events[i].origin_server_ts,
            `origin_server_ts decreases at ${i}: ${events[i - 1].event_id} then ${events[i].event_id}`,
        );
    }

    // All 20 messages, newest first, with their bodies (the redacted one emptied).
    const positions = s.messages.map((id) => ids.indexOf(id));
    assert.ok(positions.every((p) => p >= 0), `every message in the history (positions ${positions})`);
    for (let i = 1; i < positions.length; i++) {
        assert.ok(positions[i] < positions[i - 1], `message ${i + 1} is newer than message ${i}`);
    }
    for (let i = 0; i < MESSAGE_COUNT; i++) {
        const e = events[positions[i]];
        assert.equal(e.type, EventType.RoomMessage);
        assert.equal(e.sender, i % 2 === 0 ? s.alice.user_id : s.bob.user_id, `sender of message ${i + 1}`);
        if (i === REDACTED) {
            assert.deepEqual(e.content, {}, "the redacted message's content is empty");
            assert.equal(e.unsigned?.redacted_because?.event_id, s.redactionId, "unsigned.redacted_because");
        } else {
            // An edit does not rewrite the original's content.
            assert.equal(e.content.body, bodyOf(i), `body of message ${i + 1}`);
        }
    }

    // Edit, reply and redaction come after the 20 messages, in that order, with their relations.
    const [editPos, replyPos, redactionPos] = [s.editId, s.replyId, s.redactionId].map((id) => ids.indexOf(id));
    assert.ok(editPos >= 0 && replyPos >= 0 && redactionPos >= 0, `edit/reply/redaction at ${editPos}/${replyPos}/${redactionPos}`);
    assert.ok(redactionPos < replyPos && replyPos < editPos && editPos < positions.at(-1), "order");
    const edit = events[editPos];
    assert.equal(edit.sender, s.alice.user_id);
    assert.deepEqual(edit.content["m.relates_to"], { rel_type: "m.replace", event_id: s.messages[EDITED] });
    assert.equal(edit.content["m.new_content"]?.body, `${bodyOf(EDITED)} (edited)`);
    const reply = events[replyPos];
    assert.equal(reply.sender, s.bob.user_id);
    assert.equal(reply.content["m.relates_to"]?.["m.in_reply_to"]?.event_id, s.messages[REPLIED_TO]);
    const redaction = events[redactionPos];
    assert.equal(redaction.type, EventType.RoomRedaction);
    assert.equal(redaction.sender, s.alice.user_id);
    assert.equal(redactsOf(redaction), s.messages[REDACTED]);
    assert.equal(redaction.content.reason, "typo");

    // The room's state events precede the messages: Bob invited, then joined, then the topic.
    const typeAndKey = (e) => `${e.type}|${e.state_key ?? ""}|${e.content?.membership ?? ""}`;
    const chronological = events.slice().reverse().map(typeAndKey);
    const first = chronological.indexOf(`${EventType.RoomMessage}||`);
    const before = chronological.slice(0, first);
    for (const want of [
        `${EventType.RoomMember}|${s.alice.user_id}|join`,
        `${EventType.RoomPowerLevels}||`,
        `${EventType.RoomJoinRules}||`,
        `${EventType.RoomName}||`,
        `${EventType.RoomMember}|${s.bob.user_id}|invite`,
        `${EventType.RoomMember}|${s.bob.user_id}|join`,
        `${EventType.RoomTopic}||`,
    ]) {
        assert.ok(before.includes(want), `${want} before the first message in ${before}`);
    }
    assert.ok(
        before.indexOf(`${EventType.RoomMember}|${s.bob.user_id}|invite`) <
            before.indexOf(`${EventType.RoomMember}|${s.bob.user_id}|join`),
        "Bob's invite precedes his join",
    );
    s.historyLength = events.length;
});

test("forward pagination (dir=f, no from: the room's start) yields the same events oldest first", opts, async () => {
    const backward = (await paginateBackward(bob, s.roomId, 50)).events.map((e) => e.event_id);
    assert.equal(backward.length, s.historyLength, "one page of 50 holds what pages of 5 did");
    const forward = [];
    let from = null;
    for (let page = 0; page < MAX_PAGES; page++) {
        const res = await bob.createMessagesRequest(s.roomId, from, PAGE_SIZE, Direction.Forward);
        assert.ok(res.chunk.length <= PAGE_SIZE, `forward page ${page}: ${res.chunk.length} events`);
        forward.push(...res.chunk.map((e) => e.event_id));
        if (res.end === undefined) break;
        assert.ok(res.chunk.length > 0, `forward page ${page}: empty page but end=${res.end}`);
        from = res.end;
    }
    assert.deepEqual(forward, backward.slice().reverse());

    // `to` (not a createMessagesRequest parameter, hence the raw GET): backward from
    // the newest event down to the token after the first forward page of 5.
    const firstPage = await bob.createMessagesRequest(s.roomId, null, PAGE_SIZE, Direction.Forward);
    assert.equal(typeof firstPage.end, "string");
    const bounded = await bob.http.authedRequest(Method.Get, `/rooms/${encodeURIComponent(s.roomId)}/messages`, {
        dir: Direction.Backward,
        to: firstPage.end,
        limit: "100",
    });
    assert.deepEqual(
        bounded.chunk.map((e) => e.event_id),
        backward.slice(0, backward.length - PAGE_SIZE),
        "every event newer than the first forward page, newest first",
    );
});

test("Eve (not in the room) cannot send, read /messages, /state or members: M_FORBIDDEN", opts, async () => {
    await assertMatrixError(eve.sendMessage(s.roomId, text("let me in"), txn("eve")), "M_FORBIDDEN", 403);
    await assertMatrixError(
        eve.createMessagesRequest(s.roomId, null, PAGE_SIZE, Direction.Backward),
        "M_FORBIDDEN",
        403,
    );
    await assertMatrixError(eve.roomState(s.roomId), "M_FORBIDDEN", 403);
    await assertMatrixError(eve.getJoinedRoomMembers(s.roomId), "M_FORBIDDEN", 403);
    await assertMatrixError(eve.joinRoom(s.roomId), "M_FORBIDDEN", 403);
});

test("a retried send with the same txnId returns the same event_id", opts, async () => {
    // Through the SDK, which takes the caller's txnId ...
    const sdkTxn = txn("retry-sdk");
    const a = await alice.sendMessage(s.roomId, text("sent twice (sdk)"), sdkTxn);
    const b = await alice.sendMessage(s.roomId, text("sent twice (sdk)"), sdkTxn);
    assert.equal(b.event_id, a.event_id);

    // ... and as a raw PUT /rooms/{roomId}/send/{eventType}/{txnId}.
    const rawTxn = txn("retry-raw");
    const path = `/rooms/${encodeURIComponent(s.roomId)}/send/${EventType.RoomMessage}/${encodeURIComponent(rawTxn)}`;
    const r1 = await alice.http.authedRequest(Method.Put, path, undefined, text("sent twice (raw)"));
    const r2 = await alice.http.authedRequest(Method.Put, path, undefined, text("sent twice (raw)"));
    assert.match(r1.event_id, /^\$/);
    assert.equal(r2.event_id, r1.event_id);
    assert.notEqual(r1.event_id, a.event_id);

    // The transaction id is the sender's: Bob's identical PUT is a new event.
    const r3 = await bob.http.authedRequest(Method.Put, path, undefined, text("sent twice (raw)"));
    assert.notEqual(r3.event_id, r1.event_id);

    const { chunk } = await bob.createMessagesRequest(s.roomId, null, 10, Direction.Backward);
    const ids = chunk.map((e) => e.event_id);
    assert.deepEqual(ids.slice(0, 3), [r3.event_id, r1.event_id, a.event_id], "each send once, newest first");
});

test("Bob (power 0) cannot kick Alice: M_FORBIDDEN", opts, async () => {
    await assertMatrixError(bob.kick(s.roomId, s.alice.user_id, "no"), "M_FORBIDDEN", 403);
});

test("ban, unban, invite, join, kick: Eve's membership through the SDK", opts, async () => {
    const eveMembership = async () =>
        (await alice.getStateEvent(s.roomId, EventType.RoomMember, s.eve.user_id)).membership;

    await alice.ban(s.roomId, s.eve.user_id, "pre-emptive");
    assert.equal(await eveMembership(), "ban");
    await assertMatrixError(alice.invite(s.roomId, s.eve.user_id), "M_FORBIDDEN", 403);

    await alice.unban(s.roomId, s.eve.user_id);
    assert.equal(await eveMembership(), "leave");
    await assertMatrixError(eve.joinRoom(s.roomId), "M_FORBIDDEN", 403);

    await alice.invite(s.roomId, s.eve.user_id);
    assert.equal(await eveMembership(), "invite");
    const room = await eve.joinRoom(s.roomId);
    assert.equal(room.roomId, s.roomId);
    assert.equal(await eveMembership(), "join");
    const { joined } = await eve.getJoinedRoomMembers(s.roomId);
    assert.deepEqual(Object.keys(joined).sort(), [s.alice.user_id, s.bob.user_id, s.eve.user_id].sort());
    // History visibility "shared": Eve now reads the room from its start.
    const { events } = await paginateBackward(eve, s.roomId, 20);
    assert.equal(events.at(-1).type, EventType.RoomCreate);
    assert.ok(events.some((e) => e.event_id === s.messages[0]), "Eve sees the first message");
    const hello = await eve.sendMessage(s.roomId, text("hello from Eve"), txn("eve-hello"));
    assert.match(hello.event_id, /^\$/);

    await alice.kick(s.roomId, s.eve.user_id, "bye");
    const kicked = await alice.getStateEvent(s.roomId, EventType.RoomMember, s.eve.user_id);
    assert.equal(kicked.membership, "leave");
    assert.equal(kicked.reason, "bye");
    assert.ok(!(await eve.getJoinedRooms()).joined_rooms.includes(s.roomId), "Eve is out");
    await assertMatrixError(eve.sendMessage(s.roomId, text("still here?"), txn("eve-after-kick")), "M_FORBIDDEN", 403);
});

test("Bob leaves with client.leave", opts, async () => {
    await bob.leave(s.roomId);
    assert.ok(!(await bob.getJoinedRooms()).joined_rooms.includes(s.roomId), "Bob is out");
    const { joined } = await alice.getJoinedRoomMembers(s.roomId);
    assert.deepEqual(Object.keys(joined), [s.alice.user_id]);
    const { chunk } = await alice.members(s.roomId, undefined, "join");
    const membership = Object.fromEntries(chunk.map((e) => [e.state_key, e.content.membership]));
    assert.deepEqual(membership, { [s.bob.user_id]: "leave", [s.eve.user_id]: "leave" });
    await assertMatrixError(bob.sendMessage(s.roomId, text("gone"), txn("bob-gone")), "M_FORBIDDEN", 403);
});

test("public room with an alias: joinRoom by alias and POST /rooms/{id}/join", opts, async () => {
    const localpart = `jspub_${suffix}`;
    const alias = `#${localpart}:${s.serverName}`;
    const { room_id: pubId } = await alice.createRoom({
        preset: "public_chat",
        name: `Public ${suffix}`,
        room_alias_name: localpart,
    });
    assert.equal((await alice.getStateEvent(pubId, EventType.RoomJoinRules, "")).join_rule, "public");
    assert.equal((await alice.getStateEvent(pubId, EventType.RoomCanonicalAlias, "")).alias, alias);

    const room = await eve.joinRoom(alias);
    assert.equal(room.roomId, pubId, "joinRoom(alias) resolves to the room id");
    const viaRoomsPath = await bob.http.authedRequest(
        Method.Post,
        `/rooms/${encodeURIComponent(pubId)}/join`,
        undefined,
        {},
    );
    assert.equal(viaRoomsPath.room_id, pubId);
    const { joined } = await alice.getJoinedRoomMembers(pubId);
    assert.deepEqual(Object.keys(joined).sort(), [s.alice.user_id, s.bob.user_id, s.eve.user_id].sort());

    await assertMatrixError(
        alice.createRoom({ preset: "public_chat", room_alias_name: localpart }),
        "M_ROOM_IN_USE",
        400,
    );
});

for (const [version, idPattern] of [
    ["1", /^\$[A-Za-z]+:.+$/],
    ["3", /^\$[A-Za-z0-9+/]{43}$/],
]) {
    test(`room version ${version}: create, join, send, fetch and redact (ids the SDK percent-encodes)`, opts, async () => {
        const { room_id: roomId } = await alice.createRoom({ room_version: version, preset: "public_chat" });
        await bob.joinRoom(roomId);
        assert.equal((await bob.getStateEvent(roomId, EventType.RoomCreate, "")).room_version, version);

        // A v3 id holds "/" or "+" in three of four messages; send until one does (bounded).
        let eventId;
        for (let i = 0; i < 50; i++) {
            ({ event_id: eventId } = await alice.sendMessage(roomId, text(`v${version} ${i}`), txn(`v${version}`)));
            assert.match(eventId, idPattern);
            if (version !== "3" || /[/+]/.test(eventId)) break;
        }
        const fetched = await bob.fetchRoomEvent(roomId, eventId);
        assert.equal(fetched.event_id, eventId);
        assert.equal(fetched.content.msgtype, MsgType.Text);

        const { event_id: redactionId } = await alice.redactEvent(roomId, eventId, txn(`v${version}-redact`));
        assert.match(redactionId, idPattern);
        const redacted = await bob.fetchRoomEvent(roomId, eventId);
        assert.deepEqual(redacted.content, {});
        assert.equal(redacted.unsigned?.redacted_because?.event_id, redactionId);
        assert.equal(redactsOf(redacted.unsigned.redacted_because), eventId);
    });
}
