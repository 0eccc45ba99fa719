// End-to-end encryption with the real matrix-js-sdk and its Rust crypto (initRustCrypto, in-memory stores):
// device keys, one-time keys, /keys/query and /keys/claim, to-device room keys, device lists, cross-signing and
// server-side key backup and device dehydration (MSC3814), as Element's SDK uses them.
//
// Run with the Node 22 binary shipped by the `node` devDependency:
//   ZHIHANG_BASE_URL=http://127.0.0.1:18448 node_modules/node/bin/node --test crypto.test.mjs
//
// Top-level tests in one file run in order, so later tests use the state that earlier ones set up.
// Every wait is bounded (until() in support.mjs); nothing sleeps to synchronise.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";

import { ClientEvent, EventType, MatrixEventEvent, Method, RoomEvent, SyncState } from "matrix-js-sdk";
import { CryptoEvent } from "matrix-js-sdk/lib/crypto-api/index.js";

import {
    TEST_TIMEOUT_MS,
    uniqueSuffix,
    newClient,
    syncingClient,
    stopAllClients,
    registerUser,
    until,
} from "./support.mjs";

const suffix = uniqueSuffix();
const PASSWORD = `pw-${randomBytes(8).toString("hex")}`;
const MESSAGE_COUNT = 5;
const POLL_TIMEOUT_MS = 10_000;
const WAIT_MS = 20_000;
// Far more than this test needs; a client stuck re-uploading or re-querying keys makes hundreds.
const MAX_PER_ENDPOINT = 40;

const opts = { timeout: 60_000 };
const s = { sent: [] }; // state shared by the ordered tests
let anon;
let alice;
let bob;
let bob2; // Bob's second device, started after the first messages
let alice2; // Alice's second device, restoring from key backup

// Alice's secret storage key, known to all her devices (as if she typed her recovery key on each).
const secretStorageKeys = new Map();
const aliceCryptoCallbacks = {
    getSecretStorageKey: async ({ keys }) => {
        const id = Object.keys(keys).find((k) => secretStorageKeys.has(k));
        return id ? [id, secretStorageKeys.get(id)] : null;
    },
    cacheSecretStorageKey: (keyId, _info, key) => secretStorageKeys.set(keyId, key),
};
const DEHYDRATION_PREFIX = "/_matrix/client/unstable/org.matrix.msc3814.v1";

before(() => {
    anon = newClient();
});

after(stopAllClients);

/** A syncing client with Rust crypto (in-memory store), started and past its first sync. */
async function cryptoClient(session, label) {
    const client = syncingClient(session, label, label.startsWith("alice") ? { cryptoCallbacks: aliceCryptoCallbacks } : {});
    client.decryptionFailures = [];
    client.on(MatrixEventEvent.Decrypted, (ev, err) => {
        if (err || ev.isDecryptionFailure()) client.decryptionFailures.push(ev.getId());
    });
    await client.initRustCrypto({ useIndexedDB: false });
    client.syncStates = [];
    client.on(ClientEvent.Sync, (state, _prev, data) => {
        client.syncStates.push(state);
        if (state === SyncState.Error) client.syncError = data?.error?.message;
    });
    await client.startClient({ initialSyncLimit: 20, lazyLoadMembers: true, pollTimeout: POLL_TIMEOUT_MS });
    await until(
        client,
        [ClientEvent.Sync],
        () => {
            if (client.getSyncState() === SyncState.Error) throw new Error(`${label}: sync failed: ${client.syncError}`);
            return client.getSyncState() === SyncState.Syncing;
        },
        `${label}'s first sync`,
        WAIT_MS,
        () => `sync states ${client.syncStates}; failed requests: ${client.requestLog.failures().join("; ")}`,
    );
    return client;
}

/** Waits until the client has uploaded its device keys (the SDK does so after its first sync); returns them. */
async function untilKeysUploaded(client, label) {
    await until(
        client.requestLog,
        ["response"],
        () => client.requestLog.requests.some((r) => r.path.endsWith("/keys/upload") && r.status === 200),
        `${label}'s keys/upload`,
        WAIT_MS,
        () => `requests: ${client.requestLog.failures().join("; ")}`,
    );
    const userId = client.getUserId();
    const res = await client.downloadKeysForUsers([userId]);
    const keys = res.device_keys?.[userId]?.[client.getDeviceId()];
    assert.ok(keys, `${label}: own device keys in keys/query ${JSON.stringify(res)}`);
    return keys;
}

/** Waits until one of the client's /sync answers after the `after`-th names `userId` in device_lists.changed. */
function untilDeviceListChanged(client, userId, after, label) {
    const seen = () =>
        client.requestLog.syncResponses.slice(after).some((r) => r.body.device_lists?.changed?.includes(userId));
    return until(client.requestLog, ["response"], seen, label, WAIT_MS);
}

/** Waits (checking after each response the client gets) until the client's crypto store holds the device's keys. */
async function untilKnowsDevice(client, userId, deviceId, label) {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
        const devices = (await client.getCrypto().getUserDeviceInfo([userId])).get(userId);
        if (devices?.has(deviceId)) return;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`timed out after ${WAIT_MS} ms waiting for ${label}`);
        let timer;
        await Promise.race([
            new Promise((resolve) => client.requestLog.once("response", resolve)),
            new Promise((resolve) => { timer = setTimeout(resolve, left); }),
        ]);
        clearTimeout(timer);
    }
}

/** The decrypted bodies of m.room.message events in the client's live timeline of the room. */
function decryptedBodies(client, roomId) {
    const room = client.getRoom(roomId);
    if (!room) return [];
    return room
        .getLiveTimeline()
        .getEvents()
        .filter((ev) => ev.isEncrypted() && !ev.isDecryptionFailure() && ev.getType() === EventType.RoomMessage)
        .map((ev) => ev.getContent().body);
}

function untilDecrypted(client, roomId, bodies, label) {
    return until(
        client,
        [RoomEvent.Timeline, MatrixEventEvent.Decrypted],
        () => bodies.every((b) => decryptedBodies(client, roomId).includes(b)),
        label,
        WAIT_MS,
        () => `has ${JSON.stringify(decryptedBodies(client, roomId))}; failures ${client.decryptionFailures.length}`,
    );
}

/** Requests per "METHOD path" (room, user, txn ids folded), for the loop check and the report. */
function requestCounts(client) {
    const counts = {};
    for (const r of client.requestLog.requests) {
        const path = r.path
            .replace(/\/rooms\/[^/]+/, "/rooms/{roomId}")
            .replace(/\/user\/[^/]+/, "/user/{userId}")
            .replace(/\/(send|sendToDevice)\/([^/]+)\/[^/]+$/, "/$1/$2/{txnId}")
            .replace(/\/(account_data|state)\/[^/]+$/, "/$1/{type}");
        const key = `${r.method} ${path}`;
        counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
}

function assertNoLoops(client) {
    const counts = requestCounts(client);
    for (const [endpoint, n] of Object.entries(counts)) {
        assert.ok(n <= MAX_PER_ENDPOINT, `${client.requestLog.label}: ${n} × ${endpoint} looks like a loop`);
    }
    return counts;
}

test("Alice and Bob start clients with Rust crypto; their device keys and one-time keys reach the server", opts, async () => {
    s.alice = await registerUser(anon, `jscryptoalice_${suffix}`, PASSWORD);
    s.bob = await registerUser(anon, `jscryptobob_${suffix}`, PASSWORD);
    alice = await cryptoClient(s.alice, "alice");
    bob = await cryptoClient(s.bob, "bob");

    const aliceKeys = await untilKeysUploaded(alice, "alice");
    assert.ok(aliceKeys.algorithms.includes("m.megolm.v1.aes-sha2"), JSON.stringify(aliceKeys.algorithms));
    assert.equal(aliceKeys.keys[`ed25519:${alice.getDeviceId()}`], (await alice.getCrypto().getOwnDeviceKeys()).ed25519);
    await untilKeysUploaded(bob, "bob");
    const bobSync = bob.requestLog.syncResponses.at(-1).body;
    assert.equal(typeof bobSync.device_one_time_keys_count?.signed_curve25519, "number", JSON.stringify(bobSync));
    const uploads = alice.requestLog.requests.filter((r) => r.path.endsWith("/keys/upload"));
    assert.ok(uploads.length >= 1 && uploads.every((r) => r.status === 200), "keys/upload answered 200");
});

test("Alice creates an encrypted room and invites Bob; Bob joins", opts, async () => {
    const { room_id: roomId } = await alice.createRoom({
        preset: "private_chat",
        invite: [s.bob.user_id],
        initial_state: [{ type: "m.room.encryption", state_key: "", content: { algorithm: "m.megolm.v1.aes-sha2" } }],
    });
    s.roomId = roomId;
    await until(bob, [ClientEvent.Room, ClientEvent.Sync], () => bob.getRoom(roomId), "Bob sees the invite", WAIT_MS);
    await bob.joinRoom(roomId);
    await until(
        alice,
        [ClientEvent.Sync, RoomEvent.Timeline],
        () => alice.getRoom(roomId)?.getMember(s.bob.user_id)?.membership === "join",
        "Alice sees Bob join",
        WAIT_MS,
    );
    assert.equal(await alice.getCrypto().isEncryptionEnabledInRoom(roomId), true);
});

test(`Alice sends ${MESSAGE_COUNT} encrypted messages; Bob's client decrypts every one`, opts, async () => {
    for (let i = 0; i < MESSAGE_COUNT; i++) {
        const body = `secret ${i} ${suffix}`;
        s.sent.push(body);
        await alice.sendTextMessage(s.roomId, body);
    }
    await untilDecrypted(bob, s.roomId, s.sent, "Bob decrypts Alice's messages");
    assert.deepEqual(bob.decryptionFailures, [], "no event Bob could not decrypt");

    // On the wire the server only ever saw ciphertext.
    const raw = await bob.createMessagesRequest(s.roomId, null, 50, "b");
    const messages = raw.chunk.filter((e) => e.sender === s.alice.user_id && e.type !== "m.room.member");
    assert.ok(messages.length >= MESSAGE_COUNT);
    for (const e of messages.filter((m) => m.type === "m.room.encrypted")) {
        assert.equal(e.content.algorithm, "m.megolm.v1.aes-sha2");
        assert.equal(JSON.stringify(e.content).includes("secret"), false);
    }
    const claims = alice.requestLog.requests.filter((r) => r.path.endsWith("/keys/claim"));
    const toDevice = alice.requestLog.requests.filter((r) => r.path.includes("/sendToDevice/"));
    assert.ok(claims.length >= 1, "Alice claimed Bob's one-time key");
    assert.ok(toDevice.length >= 1, "Alice sent the room key to Bob's device");
});

test("Bob logs in on a second device; Alice's client learns of it and Bob's new device decrypts her next message", opts, async () => {
    const login = await anon.loginRequest({
        type: "m.login.password",
        identifier: { type: "m.id.user", user: s.bob.user_id },
        password: PASSWORD,
    });
    s.bob2 = login;
    const aliceSyncs = alice.requestLog.syncResponses.length;
    bob2 = await cryptoClient(login, "bob2");
    await untilKeysUploaded(bob2, "bob2");

    // device_lists.changed tells Alice's client about Bob's new device; her next send shares the room key with it.
    // Bob is named twice: when the device logs in (no keys yet) and when it uploads its keys. Only once her client
    // has queried the keys of the new device will her next send share the room key with it.
    const body = `for both of Bob's devices ${suffix}`;
    s.sent.push(body);
    await untilDeviceListChanged(alice, s.bob.user_id, aliceSyncs, "Alice's sync names Bob in device_lists.changed");
    await untilKnowsDevice(alice, s.bob.user_id, login.device_id, "Alice's client knows Bob's second device");
    await alice.sendTextMessage(s.roomId, body);
    await untilDecrypted(bob2, s.roomId, [body], "Bob's second device decrypts the new message");
    await untilDecrypted(bob, s.roomId, [body], "Bob's first device decrypts it too");
});

test("Alice bootstraps cross-signing; Bob's client sees her cross-signing keys", opts, async () => {
    const bobSyncs = bob.requestLog.syncResponses.length;
    await alice.getCrypto().bootstrapCrossSigning({
        setupNewCrossSigning: true,
        authUploadDeviceSigningKeys: async (makeRequest) => {
            await makeRequest({
                type: "m.login.password",
                identifier: { type: "m.id.user", user: s.alice.user_id },
                password: PASSWORD,
            });
        },
    });
    const status = await alice.getCrypto().getCrossSigningStatus();
    assert.equal(status.publicKeysOnDevice, true);
    assert.equal(status.privateKeysInSecretStorage || status.privateKeysCachedLocally.masterKey, true);

    const query = await bob.downloadKeysForUsers([s.alice.user_id]);
    const master = query.master_keys?.[s.alice.user_id];
    assert.ok(master, `master key of Alice in ${JSON.stringify(Object.keys(query))}`);
    assert.deepEqual(master.usage, ["master"]);
    assert.ok(query.self_signing_keys?.[s.alice.user_id], "self-signing key");
    assert.equal(query.user_signing_keys?.[s.alice.user_id], undefined, "a user-signing key is only for its owner");
    // Alice's device is now signed by her self-signing key, and the server merged that signature in.
    const device = query.device_keys[s.alice.user_id][alice.getDeviceId()];
    assert.equal(Object.keys(device.signatures[s.alice.user_id]).length, 2, JSON.stringify(device.signatures));

    await untilDeviceListChanged(bob, s.alice.user_id, bobSyncs, "Bob's sync names Alice after her cross-signing upload");
    assert.equal(await bob.getCrypto().userHasCrossSigningKeys(s.alice.user_id, true), true);
});

test("key backup: Alice's client backs up her room keys; her new device restores them and decrypts history", opts, async () => {
    const crypto = alice.getCrypto();
    await crypto.resetKeyBackup();
    const info = await crypto.getKeyBackupInfo();
    assert.ok(info?.version, "a backup version exists on the server");
    assert.equal(info.algorithm, "m.megolm_backup.v1.curve25519-aes-sha2");

    // The SDK uploads the keys in the background; the server's count says when they are there.
    await until(
        alice.requestLog,
        ["response"],
        () => alice.requestLog.requests.some((r) => r.method === "PUT" && r.path.endsWith("/room_keys/keys") && r.status === 200),
        "Alice's client uploads her room keys to the backup",
        WAIT_MS,
    );
    const keys = await alice.http.authedRequest("GET", "/room_keys/keys", { version: info.version });
    const count = Object.values(keys.rooms ?? {}).reduce((n, r) => n + Object.keys(r.sessions ?? {}).length, 0);
    assert.ok(count >= 1, `Alice's room key is in the backup: ${JSON.stringify(keys)}`);
    const version = await alice.http.authedRequest("GET", "/room_keys/version");
    assert.equal(version.version, info.version);
    assert.ok(version.count >= 1 && typeof version.etag === "string", JSON.stringify(version));

    const login = await anon.loginRequest({
        type: "m.login.password",
        identifier: { type: "m.id.user", user: s.alice.user_id },
        password: PASSWORD,
    });
    alice2 = await cryptoClient(login, "alice2");
    const privateKey = await crypto.getSessionBackupPrivateKey();
    assert.ok(privateKey, "the backup decryption key on Alice's first device");
    await alice2.getCrypto().storeSessionBackupPrivateKey(privateKey, info.version);
    const restored = await alice2.getCrypto().restoreKeyBackup();
    assert.ok(restored.imported >= 1, `imported ${JSON.stringify(restored)}`);

    const room = alice2.getRoom(s.roomId);
    assert.ok(room, "Alice's new device has the room");
    await alice2.scrollback(room, 30);
    await untilDecrypted(alice2, s.roomId, s.sent.slice(0, MESSAGE_COUNT), "Alice's new device decrypts the history");
});

test("dehydration: Alice's client stores a dehydrated device; Bob's client sees it and shares his room key with it", opts, async () => {
    const crypto = alice.getCrypto();
    assert.equal(await crypto.isDehydrationSupported(), true);
    await crypto.bootstrapSecretStorage({
        createSecretStorageKey: () => crypto.createRecoveryKeyFromPassphrase(),
        setupNewSecretStorage: true,
    });
    assert.equal(await crypto.isSecretStorageReady(), true);
    const bobSyncs = bob.requestLog.syncResponses.length;
    await crypto.startDehydration({ createNewKey: true });
    const stored = await alice.http.authedRequest(Method.Get, "/dehydrated_device", undefined, undefined,
        { prefix: DEHYDRATION_PREFIX });
    assert.ok(stored.device_id && stored.device_data?.algorithm, JSON.stringify(stored));
    s.dehydratedDeviceId = stored.device_id;

    const query = await bob.downloadKeysForUsers([s.alice.user_id]);
    const keys = query.device_keys[s.alice.user_id][stored.device_id];
    assert.ok(keys, `the dehydrated device's keys in ${JSON.stringify(Object.keys(query.device_keys[s.alice.user_id]))}`);
    assert.equal(keys.dehydrated, true);

    await untilDeviceListChanged(bob, s.alice.user_id, bobSyncs, "Bob's sync names Alice after her dehydrated device");
    await untilKnowsDevice(bob, s.alice.user_id, stored.device_id, "Bob's client knows the dehydrated device");
    // A new megolm session for the room: Bob's client sends its key to each of Alice's devices, the dehydrated one too.
    await bob.getCrypto().forceDiscardSession(s.roomId);
    const body = `for the dehydrated device ${suffix}`;
    await bob.sendMessage(s.roomId, { msgtype: "m.text", body });
    s.sent.push(body);
});

test("rehydration: Alice's second device rehydrates the dehydrated device, gets Bob's room key, and replaces it", opts, async () => {
    const crypto = alice2.getCrypto();
    await crypto.bootstrapCrossSigning({}); // reads her cross-signing keys from secret storage
    assert.equal(await crypto.isCrossSigningReady(), true);
    const progress = [];
    alice2.on(CryptoEvent.RehydrationProgress, (roomKeys, toDevice) => progress.push([roomKeys, toDevice]));
    const completed = new Promise((resolve) => alice2.once(CryptoEvent.RehydrationCompleted, resolve));
    await crypto.startDehydration();
    await completed;
    const [roomKeys, toDevice] = progress.at(-1) ?? [0, 0];
    assert.ok(toDevice >= 1 && roomKeys >= 1, `rehydration progress ${JSON.stringify(progress)}`);

    const replaced = await alice2.http.authedRequest(Method.Get, "/dehydrated_device", undefined, undefined,
        { prefix: DEHYDRATION_PREFIX });
    assert.notEqual(replaced.device_id, s.dehydratedDeviceId, "the rehydrating client uploads a new dehydrated device");
    const query = await bob.downloadKeysForUsers([s.alice.user_id]);
    assert.equal(query.device_keys[s.alice.user_id][s.dehydratedDeviceId], undefined, "the old one is gone");
    assert.ok(query.device_keys[s.alice.user_id][replaced.device_id], "the new one is there");
    await untilDecrypted(alice2, s.roomId, [s.sent.at(-1)], "Alice's second device decrypts Bob's message");
});

test("no client looped: requests per endpoint stay bounded; the report lists them", opts, async () => {
    for (const client of [alice, bob, bob2, alice2]) {
        const counts = assertNoLoops(client);
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        console.log(`${client.requestLog.label}: ${total} requests ${JSON.stringify(counts)}`);
        assert.deepEqual(client.requestLog.failures().filter((f) => !/ 404 M_NOT_FOUND$|M_UNRECOGNIZED/.test(f)), [],
            `${client.requestLog.label}: failed requests`);
    }
});
