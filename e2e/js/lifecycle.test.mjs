// The message lifecycle with the real matrix-js-sdk: MSC4140 delayed events through the SDK's own unstable API
// (send, list, restart, cancel, send now), the edit rules as the SDK meets them (5 edits, then M_FORBIDDEN; nobody
// edits someone else's message), and a recall through the seed API that Bob's SDK then sees redacted.
//
//   ZHIHANG_BASE_URL=http://127.0.0.1:18448 node_modules/node/bin/node --test lifecycle.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";

import { Direction, EventType, MsgType } from "matrix-js-sdk";

import {
    TEST_TIMEOUT_MS,
    BASE_URL,
    boundedFetch,
    uniqueSuffix,
    newClient,
    authedClient,
    stopAllClients,
    registerUser,
    assertMatrixError,
} from "./support.mjs";

const suffix = uniqueSuffix();
const PASSWORD = `pw-${randomBytes(8).toString("hex")}`;
const opts = { timeout: TEST_TIMEOUT_MS };
const s = {};
let alice;
let bob;

const text = (body) => ({ msgtype: MsgType.Text, body });
const edit = (originalId, body) => ({
    msgtype: MsgType.Text,
    body: `* ${body}`,
    "m.new_content": text(body),
    "m.relates_to": { rel_type: "m.replace", event_id: originalId },
});

async function bodiesSeenBy(client, roomId) {
    const page = await client.createMessagesRequest(roomId, null, 50, Direction.Backward);
    return page.chunk.map((e) => e.content?.body);
}

before(async () => {
    const anon = newClient();
    const a = await registerUser(anon, `life-a-${suffix}`, PASSWORD);
    const b = await registerUser(anon, `life-b-${suffix}`, PASSWORD);
    alice = authedClient(a);
    bob = authedClient(b);
    s.aliceToken = a.access_token;
    const { room_id: roomId } = await alice.createRoom({ preset: "public_chat", name: `lifecycle ${suffix}` });
    await bob.joinRoom(roomId);
    s.roomId = roomId;
});

after(stopAllClients);

test("delayed events: the SDK schedules, lists, restarts, cancels and sends one now", opts, async () => {
    assert.ok(await alice.doesServerSupportUnstableFeature("org.matrix.msc4140"), "advertised in /versions");
    const kept = await alice._unstable_sendDelayedEvent(s.roomId, { delay: 3_600_000 }, null,
        EventType.RoomMessage, text(`sent on request ${suffix}`));
    const dropped = await alice._unstable_sendDelayedEvent(s.roomId, { delay: 3_600_000 }, null,
        EventType.RoomMessage, text(`never sent ${suffix}`));
    assert.equal(typeof kept.delay_id, "string");

    const listed = await alice._unstable_getDelayedEvents();
    const ids = listed.delayed_events.map((e) => e.delay_id);
    assert.ok(ids.includes(kept.delay_id) && ids.includes(dropped.delay_id), JSON.stringify(listed));

    await alice._unstable_restartScheduledDelayedEvent(kept.delay_id);
    await alice._unstable_cancelScheduledDelayedEvent(dropped.delay_id);
    await alice._unstable_sendScheduledDelayedEvent(kept.delay_id);
    await assertMatrixError(bob._unstable_cancelScheduledDelayedEvent(kept.delay_id), "M_NOT_FOUND", 404);

    const bodies = await bodiesSeenBy(bob, s.roomId);
    assert.ok(bodies.includes(`sent on request ${suffix}`), "the sent-now event reached Bob");
    assert.ok(!bodies.includes(`never sent ${suffix}`), "the cancelled one never did");
    const after = await alice._unstable_getDelayedEvents("scheduled");
    assert.ok(!after.delayed_events.some((e) => e.delay_id === kept.delay_id || e.delay_id === dropped.delay_id));
});

test("edits: five are allowed, the sixth and anyone else's are refused", opts, async () => {
    const { event_id: original } = await alice.sendEvent(s.roomId, EventType.RoomMessage, text("draft 0"));
    await assertMatrixError(bob.sendEvent(s.roomId, EventType.RoomMessage, edit(original, "hijack")),
        "M_FORBIDDEN", 403);
    for (let i = 1; i <= 5; i++) {
        await alice.sendEvent(s.roomId, EventType.RoomMessage, edit(original, `draft ${i}`));
    }
    await assertMatrixError(alice.sendEvent(s.roomId, EventType.RoomMessage, edit(original, "draft 6")),
        "M_FORBIDDEN", 403);

    const res = await boundedFetch(`${BASE_URL}/api/messages/${encodeURIComponent(original)}/edit-history`,
        { headers: { Authorization: `Bearer ${s.aliceToken}` } });
    assert.equal(res.status, 200);
    const history = await res.json();
    assert.equal(history.count, 5);
    assert.deepEqual(history.data.map((e) => e.new_content), ["draft 1", "draft 2", "draft 3", "draft 4", "draft 5"]);
});

test("a recall through the seed API is a redaction Bob's SDK sees", opts, async () => {
    const { event_id: eventId } = await alice.sendEvent(s.roomId, EventType.RoomMessage, text("oops, wrong room"));
    const res = await boundedFetch(`${BASE_URL}/api/messages/recall`, {
        method: "POST",
        headers: { Authorization: `Bearer ${s.aliceToken}`, "Content-Type": "application/json" },
        body: JSON.stringify({ message_id: eventId, reason: "wrong room" }),
    });
    assert.equal(res.status, 200, await res.clone().text());
    const seen = await bob.fetchRoomEvent(s.roomId, eventId);
    assert.deepEqual(seen.content, {});
    assert.equal(seen.unsigned?.redacted_because?.sender, alice.getUserId());
    await assertMatrixError(alice.redactEvent(s.roomId, eventId), "M_UNKNOWN", 400);
});
