// Guests and peeking with the real matrix-js-sdk: registerGuest + setGuest(true), what a guest is refused,
// peekInRoom (GET /rooms/{id}/initialSync, then GET /events?room_id= long-polls) into a world-readable room,
// joining a room guests may join, and the upgrade to a full account with the guest's access token.
//
// Run with the Node 22 binary shipped by the `node` devDependency:
//   ZHIHANG_BASE_URL=http://127.0.0.1:18448 node_modules/node/bin/node --test guests.test.mjs
//
// Top-level tests in one file run in order; later tests use the state earlier ones set up.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";

import { MsgType, RoomEvent, Preset, Visibility } from "matrix-js-sdk";

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
const opts = { timeout: TEST_TIMEOUT_MS };
/** How long one peeked message may take to arrive, and how many messages are sent before giving up. */
const ARRIVAL_MS = 3_000;
const MAX_SENDS = 5;

const s = {};
let anon;
let alice;
let guest;

const text = (body) => ({ msgtype: MsgType.Text, body });

/** Resolves with the first event on `room`'s live timeline whose body is `body`, or null after `ms`. */
function arrival(room, body, ms) {
    return new Promise((resolve) => {
        const timer = setTimeout(() => {
            room.off(RoomEvent.Timeline, listener);
            resolve(null);
        }, ms);
        function listener(event) {
            if (event.getContent()?.body === body) {
                clearTimeout(timer);
                room.off(RoomEvent.Timeline, listener);
                resolve(event);
            }
        }
        room.on(RoomEvent.Timeline, listener);
    });
}

before(async () => {
    anon = newClient();
    alice = authedClient(await registerUser(anon, `jsguest-alice-${suffix}`, PASSWORD));
});

after(() => stopAllClients());

test("a guest registers and the server says it is one", opts, async () => {
    const res = await anon.registerGuest();
    assert.match(res.user_id, /^@[0-9]+:/);
    assert.equal(res.device_id, "guest_device");
    assert.equal(typeof res.access_token, "string");
    s.guestSession = res;
    guest = authedClient(res);
    guest.setGuest(true);
    assert.equal(guest.isGuest(), true);
    const me = await guest.whoami();
    assert.equal(me.user_id, res.user_id);
    assert.equal(me.is_guest, true);
});

test("a guest may not create rooms", opts, async () => {
    await assertMatrixError(guest.createRoom({ name: "nope" }), "M_GUEST_ACCESS_FORBIDDEN", 403);
});

test("a guest peeks into a world-readable room and follows it live", opts, async () => {
    const { room_id: roomId } = await alice.createRoom({
        name: `Open house ${suffix}`,
        preset: Preset.PublicChat,
        visibility: Visibility.Public,
        initial_state: [
            { type: "m.room.history_visibility", state_key: "", content: { history_visibility: "world_readable" } },
            { type: "m.room.guest_access", state_key: "", content: { guest_access: "can_join" } },
        ],
    });
    s.roomId = roomId;
    await alice.sendMessage(roomId, text("before the peek"));

    const room = await guest.peekInRoom(roomId);
    assert.equal(room.roomId, roomId);
    assert.equal(room.name, `Open house ${suffix}`);
    const bodies = room.getLiveTimeline().getEvents().map((e) => e.getContent()?.body).filter(Boolean);
    assert.ok(bodies.includes("before the peek"), `peeked timeline: ${JSON.stringify(bodies)}`);

    // The SDK's first /events poll starts at "now" on the server: a message that lands before that poll is
    // read is not in it, so messages are sent until one arrives (each wait bounded).
    let arrived = null;
    for (let i = 1; i <= MAX_SENDS && !arrived; i++) {
        const body = `while peeking ${i}`;
        const waiting = arrival(room, body, ARRIVAL_MS);
        await alice.sendMessage(roomId, text(body));
        arrived = await waiting;
    }
    assert.ok(arrived, "a message sent while peeking reached the peeking guest through /events");
    assert.equal(arrived.getSender(), alice.getUserId());

    // Stop peeking, then wake the poll still waiting so that nothing is left hanging.
    guest.stopPeeking();
    await alice.sendMessage(roomId, text("after the peek"));
});

test("a guest joins a room whose guest access is can_join and talks there", opts, async () => {
    await guest.joinRoom(s.roomId);
    const { event_id: eventId } = await guest.sendMessage(s.roomId, text("hello from a guest"));
    const seen = await alice.fetchRoomEvent(s.roomId, eventId);
    assert.equal(seen.sender, s.guestSession.user_id);
    const member = await alice.getStateEvent(s.roomId, "m.room.member", s.guestSession.user_id);
    assert.equal(member.kind, "guest");
});

test("a guest upgrades to a full account that keeps its user id", opts, async () => {
    const localpart = s.guestSession.user_id.slice(1, s.guestSession.user_id.indexOf(":"));
    const full = await anon.register(localpart, PASSWORD, null, { type: "m.login.dummy" }, undefined,
        s.guestSession.access_token);
    assert.equal(full.user_id, s.guestSession.user_id);
    const upgraded = authedClient(full);
    assert.equal((await upgraded.whoami()).is_guest, false);
    const { joined_rooms: rooms } = await upgraded.getJoinedRooms();
    assert.ok(rooms.includes(s.roomId), "the guest's room stays joined");
    await upgraded.createRoom({ name: `Now a user ${suffix}` });
});
