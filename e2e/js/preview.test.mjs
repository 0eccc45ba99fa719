// URL previews with the real matrix-js-sdk: getUrlPreview of a page on a local web server (title, description and
// the page's image copied to the homeserver as an mxc:// URI whose bytes match), a direct image, and the refusal of
// an internal address. e2e/run.sh lets previews reach 127.0.0.1 (ZHIHANG_MEDIA_URL_PREVIEW_IP_RANGE_ALLOWLIST),
// where this file's web server listens; every other internal address stays refused.
//
//   ZHIHANG_BASE_URL=http://127.0.0.1:18448 node_modules/node/bin/node --test preview.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";

import {
    TEST_TIMEOUT_MS,
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
// A 1x1 PNG (the smallest valid one), served as the page's image.
const IMAGE = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64");
const PAGE = `<!doctype html><html><head>
<meta property="og:title" content="Zhihang preview ${suffix}">
<meta property="og:description" content="What a link looks like in a room.">
<meta property="og:image" content="/picture.png">
<title>Not the og:title</title></head><body><p>Body</p></body></html>`;

let site;
let siteUrl;
let alice;
let token;

before(async () => {
    site = createServer((req, res) => {
        if (req.url === "/page.html") {
            res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
            res.end(PAGE);
        } else if (req.url === "/picture.png") {
            res.writeHead(200, { "Content-Type": "image/png", "Content-Length": IMAGE.length });
            res.end(IMAGE);
        } else {
            res.writeHead(404, { "Content-Type": "text/html" });
            res.end("<title>Not found</title>");
        }
    });
    await new Promise((resolve) => site.listen(0, "127.0.0.1", resolve));
    siteUrl = `http://127.0.0.1:${site.address().port}`;
    const session = await registerUser(newClient(), `preview-${suffix}`, PASSWORD);
    alice = authedClient(session);
    token = session.access_token;
});

after(async () => {
    stopAllClients();
    await new Promise((resolve) => site.close(resolve));
});

async function download(mxc) {
    const url = alice.mxcUrlToHttp(mxc, undefined, undefined, undefined, false, true, true);
    const res = await boundedFetch(url, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200, `download of ${mxc}`);
    return Buffer.from(await res.arrayBuffer());
}

test("getUrlPreview of a page: its Open Graph title, description and image as mxc://", opts, async () => {
    const preview = await alice.getUrlPreview(`${siteUrl}/page.html`, Date.now());
    assert.equal(preview["og:title"], `Zhihang preview ${suffix}`);
    assert.equal(preview["og:description"], "What a link looks like in a room.");
    assert.match(preview["og:image"], /^mxc:\/\/[^/]+\/[A-Za-z0-9_-]+$/);
    assert.equal(preview["og:image:type"], "image/png");
    assert.equal(preview["og:image:width"], 1);
    assert.equal(preview["og:image:height"], 1);
    assert.equal(preview["matrix:image:size"], IMAGE.length);
    assert.ok((await download(preview["og:image"])).equals(IMAGE), "the preview image is the page's image");
});

test("getUrlPreview of an image: the image itself", opts, async () => {
    const preview = await alice.getUrlPreview(`${siteUrl}/picture.png`, Date.now());
    assert.match(preview["og:image"], /^mxc:\/\//);
    assert.equal(preview["matrix:image:size"], IMAGE.length);
    assert.ok((await download(preview["og:image"])).equals(IMAGE));
});

test("getUrlPreview of an internal address is refused", opts, async () => {
    await assertMatrixError(alice.getUrlPreview("http://10.0.0.1/admin", Date.now()), "M_UNKNOWN", 403);
    await assertMatrixError(alice.getUrlPreview("http://169.254.169.254/latest/meta-data/", Date.now()),
        "M_UNKNOWN", 403);
});
