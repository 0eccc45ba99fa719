// HTTP push with the real matrix-js-sdk: Alice registers a pusher with client.setPusher, Bob writes to her, and a
// push gateway started by this test (node:http on 127.0.0.1) receives the notification. The server must allow
// gateways on loopback (ZHIHANG_PUSH_IP_RANGE_ALLOWLIST=127.0.0.0/8, which e2e/run.sh sets).
//
//   ZHIHANG_BASE_URL=http://127.0.0.1:18448 node_modules/node/bin/node --test push.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { once } from "node:events";
import { randomBytes } from "node:crypto";

import { MsgType } from "matrix-js-sdk";

import { TEST_TIMEOUT_MS, uniqueSuffix, newClient, authedClient, stopAllClients, registerUser } from "./support.mjs";

const suffix = uniqueSuffix();
const PASSWORD = `pw-${randomBytes(8).toString("hex")}`;
const opts = { timeout: TEST_TIMEOUT_MS };

/** A push gateway that answers {} and keeps every request body; `next(predicate)` waits (at most 15 s) for one. */
function startGateway() {
    const received = [];
    const waiters = [];
    const server = createServer((req, res) => {
        let body = "";
        req.setEncoding("utf8");
        req.on("data", (chunk) => (body += chunk));
        req.on("end", () => {
            const json = JSON.parse(body);
            received.push({ path: req.url, json });
            res.writeHead(200, { "Content-Type": "application/json" }).end("{}");
            for (const w of [...waiters]) w();
        });
    });
    server.listen(0, "127.0.0.1");
    return {
        server,
        received,
        url: () => `http://127.0.0.1:${server.address().port}/_matrix/push/v1/notify`,
        next(predicate, label) {
            return new Promise((resolve, reject) => {
                const check = () => {
                    const hit = received.find(predicate);
                    if (!hit) return false;
                    clearTimeout(timer);
                    waiters.splice(waiters.indexOf(check), 1);
                    resolve(hit);
                    return true;
                };
                const timer = setTimeout(() => {
                    waiters.splice(waiters.indexOf(check), 1);
                    reject(new Error(`the push gateway did not receive ${label} within 15 s; got `
                        + JSON.stringify(received)));
                }, 15_000);
                waiters.push(check);
                check();
            });
        },
    };
}

let gateway;
let alice;
let bob;
let s = {};

before(async () => {
    gateway = startGateway();
    await once(gateway.server, "listening");
    const anon = newClient();
    s.alice = await registerUser(anon, `jspusha_${suffix}`, PASSWORD);
    s.bob = await registerUser(anon, `jspushb_${suffix}`, PASSWORD);
    alice = authedClient(s.alice);
    bob = authedClient(s.bob);
});

after(() => {
    stopAllClients();
    gateway?.server.close();
});

test("a pusher set with setPusher gets Bob's message at the push gateway", opts, async () => {
    const pushkey = `pushkey-${suffix}`;
    await alice.setPusher({
        pushkey,
        kind: "http",
        app_id: "org.example.jstest",
        app_display_name: "JS test",
        device_display_name: "node",
        lang: "en",
        data: { url: gateway.url() },
    });
    const { pushers } = await alice.getPushers();
    assert.deepEqual(pushers.map((p) => p.pushkey), [pushkey]);

    const { room_id: roomId } = await bob.createRoom({ name: `Push ${suffix}`, invite: [s.alice.user_id] });
    await alice.joinRoom(roomId);
    const { event_id: eventId } = await bob.sendMessage(roomId, { msgtype: MsgType.Text, body: "ping" });

    const { path, json } = await gateway.next((r) => r.json.notification?.event_id === eventId, `event ${eventId}`);
    assert.equal(path, "/_matrix/push/v1/notify");
    const n = json.notification;
    assert.equal(n.room_id, roomId);
    assert.equal(n.type, "m.room.message");
    assert.equal(n.sender, s.bob.user_id);
    assert.equal(n.room_name, `Push ${suffix}`);
    assert.deepEqual(n.content, { msgtype: "m.text", body: "ping" });
    assert.equal(n.counts.unread, 1);
    assert.equal(n.devices.length, 1);
    assert.equal(n.devices[0].app_id, "org.example.jstest");
    assert.equal(n.devices[0].pushkey, pushkey);
    assert.deepEqual(n.devices[0].data, {});
    // The invite came first, also pushed (.m.rule.invite_for_me).
    assert.ok(gateway.received.some((r) => r.json.notification?.type === "m.room.member"
        && r.json.notification.user_is_target === true), "the invite was pushed too");
});
