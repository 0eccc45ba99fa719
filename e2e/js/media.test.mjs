// Media and voice messages with the real matrix-js-sdk: uploadContent, downloads on the authenticated and the
// legacy paths (byte equality), a thumbnail, the upload limit, a refused unauthenticated download, and a voice
// message the other member reads back as Element would draw it.
//
//   ZHIHANG_BASE_URL=http://127.0.0.1:18448 node_modules/node/bin/node --test media.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomBytes, createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import { request as httpRequest } from "node:http";

import { Direction } from "matrix-js-sdk";

import {
    TEST_TIMEOUT_MS,
    BASE_URL,
    boundedFetch,
    uniqueSuffix,
    newClient,
    authedClient,
    stopAllClients,
    registerUser,
} from "./support.mjs";

const suffix = uniqueSuffix();
const PASSWORD = `pw-${randomBytes(8).toString("hex")}`;
const opts = { timeout: TEST_TIMEOUT_MS };
const s = {};
let alice;
let bob;

/** A width x height RGB PNG (one colour), built by hand: signature, IHDR, one IDAT, IEND. */
function png(width, height) {
    const crcTable = Array.from({ length: 256 }, (_, n) => {
        let c = n;
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        return c >>> 0;
    });
    const crc = (buf) => {
        let c = 0xffffffff;
        for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
        return (c ^ 0xffffffff) >>> 0;
    };
    const chunk = (type, data) => {
        const len = Buffer.alloc(4);
        len.writeUInt32BE(data.length);
        const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
        const sum = Buffer.alloc(4);
        sum.writeUInt32BE(crc(body));
        return Buffer.concat([len, body, sum]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(width, 0);
    ihdr.writeUInt32BE(height, 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 2; // RGB
    const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)]);
    const raw = Buffer.concat(Array.from({ length: height }, () => row));
    return Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        chunk("IHDR", ihdr),
        chunk("IDAT", deflateSync(raw)),
        chunk("IEND", Buffer.alloc(0)),
    ]);
}

/** Width and height from a PNG's IHDR. */
function pngSize(bytes) {
    assert.equal(bytes.subarray(1, 4).toString("ascii"), "PNG", "a PNG");
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A mono 16-bit PCM WAV of `millis` ms at 8 kHz (a quiet square wave). */
function wav(millis) {
    const rate = 8000;
    const samples = (rate * millis) / 1000;
    const data = Buffer.alloc(samples * 2);
    for (let i = 0; i < samples; i++) data.writeInt16LE(i % 40 < 20 ? 1000 : -1000, i * 2);
    const header = Buffer.alloc(44);
    header.write("RIFF", 0, "ascii");
    header.writeUInt32LE(36 + data.length, 4);
    header.write("WAVE", 8, "ascii");
    header.write("fmt ", 12, "ascii");
    header.writeUInt32LE(16, 16);
    header.writeUInt16LE(1, 20); // PCM
    header.writeUInt16LE(1, 22); // mono
    header.writeUInt32LE(rate, 24);
    header.writeUInt32LE(rate * 2, 28); // byte rate
    header.writeUInt16LE(2, 32); // block align
    header.writeUInt16LE(16, 34);
    header.write("data", 36, "ascii");
    header.writeUInt32LE(data.length, 40);
    return Buffer.concat([header, data]);
}

async function fetchBytes(url, token) {
    const res = await boundedFetch(url, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

before(async () => {
    const anon = newClient();
    const a = await registerUser(anon, `media-a-${suffix}`, PASSWORD);
    const b = await registerUser(anon, `media-b-${suffix}`, PASSWORD);
    alice = authedClient(a);
    bob = authedClient(b);
    s.aliceToken = a.access_token;
    s.bobToken = b.access_token;
});

after(stopAllClients);

test("uploadContent, then the bytes come back on the authenticated and the legacy paths", opts, async () => {
    const bytes = randomBytes(200_000);
    const res = await alice.uploadContent(new Blob([bytes], { type: "application/octet-stream" }),
        { name: "random.bin", type: "application/octet-stream" });
    assert.match(res.content_uri, /^mxc:\/\/[^/]+\/[A-Za-z0-9_-]+$/);
    s.blob = { mxc: res.content_uri, bytes };

    const authedUrl = bob.mxcUrlToHttp(res.content_uri, undefined, undefined, undefined, false, true, true);
    assert.match(authedUrl, /\/_matrix\/client\/v1\/media\/download\//);
    const authed = await fetchBytes(authedUrl, s.bobToken);
    assert.equal(authed.res.status, 200);
    assert.ok(authed.bytes.equals(bytes), "authenticated download is byte-equal");
    assert.match(authed.res.headers.get("content-disposition"), /^attachment; filename=random\.bin$/);
    assert.match(authed.res.headers.get("content-security-policy"), /^sandbox;/);
    assert.equal(authed.res.headers.get("x-content-type-options"), "nosniff");

    const legacyUrl = bob.mxcUrlToHttp(res.content_uri, undefined, undefined, undefined, false, true, false);
    assert.match(legacyUrl, /\/_matrix\/media\/v3\/download\//);
    const legacy = await fetchBytes(legacyUrl);
    assert.equal(legacy.res.status, 200);
    assert.ok(legacy.bytes.equals(bytes), "legacy download is byte-equal");

    const digest = (b) => createHash("sha256").update(b).digest("hex");
    assert.equal(digest(legacy.bytes), digest(bytes));
});

test("an authenticated download without a token is refused", opts, async () => {
    const url = bob.mxcUrlToHttp(s.blob.mxc, undefined, undefined, undefined, false, true, true);
    const { res } = await fetchBytes(url);
    assert.equal(res.status, 401);
    assert.equal(JSON.parse((await (await boundedFetch(url)).text())).errcode, "M_MISSING_TOKEN");
});

test("an image gets a cropped thumbnail of the asked size", opts, async () => {
    const image = png(400, 300);
    const res = await alice.uploadContent(new Blob([image], { type: "image/png" }), { name: "pic.png", type: "image/png" });
    const url = bob.mxcUrlToHttp(res.content_uri, 96, 96, "crop", false, true, true);
    assert.match(url, /\/_matrix\/client\/v1\/media\/thumbnail\//);
    const thumb = await fetchBytes(url, s.bobToken);
    assert.equal(thumb.res.status, 200);
    assert.equal(thumb.res.headers.get("content-type"), "image/png");
    assert.deepEqual(pngSize(thumb.bytes), { width: 96, height: 96 });
});

test("the media config names the upload limit, and a bigger upload is refused with M_TOO_LARGE", opts, async () => {
    const config = await alice.getMediaConfig(true);
    assert.equal(typeof config["m.upload.size"], "number");
    // Announce one byte too many and send none: the server answers from the Content-Length alone.
    const { status, body } = await new Promise((resolve, reject) => {
        const req = httpRequest(`${BASE_URL}/_matrix/media/v3/upload`, {
            method: "POST",
            headers: {
                Authorization: `Bearer ${s.aliceToken}`,
                "Content-Type": "application/octet-stream",
                "Content-Length": String(config["m.upload.size"] + 1),
            },
            timeout: 10_000,
        }, (res) => {
            let text = "";
            res.on("data", (chunk) => { text += chunk; });
            res.on("end", () => { resolve({ status: res.statusCode, body: text }); req.destroy(); });
        });
        req.on("timeout", () => req.destroy(new Error("no answer to an oversized upload")));
        req.on("error", reject);
        req.flushHeaders();
    });
    assert.equal(status, 413);
    assert.equal(JSON.parse(body).errcode, "M_TOO_LARGE");
});

test("a voice message reaches the other member as an m.audio voice message with the duration read", opts, async () => {
    const { room_id: roomId } = await alice.createRoom({ preset: "public_chat", name: `voice ${suffix}` });
    await bob.joinRoom(roomId);
    const audio = wav(1500);
    const res = await boundedFetch(
        `${BASE_URL}/_matrix/client/v3/voice/upload?room_id=${encodeURIComponent(roomId)}&waveform=0,300,1024`, {
            method: "POST",
            headers: { Authorization: `Bearer ${s.aliceToken}`, "Content-Type": "audio/wav" },
            body: audio,
        });
    assert.equal(res.status, 200, await res.clone().text());
    const voice = await res.json();
    assert.equal(voice.duration, 1500);
    assert.equal(voice.file_size, audio.length);

    const page = await bob.createMessagesRequest(roomId, null, 10, Direction.Backward);
    const event = page.chunk.find((e) => e.event_id === voice.event_id);
    assert.ok(event, "bob sees the voice message");
    assert.equal(event.content.msgtype, "m.audio");
    assert.deepEqual(event.content["org.matrix.msc3245.voice"], {});
    assert.equal(event.content.info.duration, 1500);
    assert.deepEqual(event.content["org.matrix.msc1767.audio"], { duration: 1500, waveform: [0, 300, 1024] });

    const url = bob.mxcUrlToHttp(event.content.url, undefined, undefined, undefined, false, true, true);
    const downloaded = await fetchBytes(url, s.bobToken);
    assert.ok(downloaded.bytes.equals(audio), "the voice audio downloads byte-equal");
});
