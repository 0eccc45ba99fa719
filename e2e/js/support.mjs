// Shared helpers of the matrix-js-sdk tests (*.test.mjs): bounded requests,
// client construction and MatrixError assertions.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";

import { createClient, MatrixError, MatrixScheduler, AuthType } from "matrix-js-sdk";
import { logger } from "matrix-js-sdk/lib/logger.js";

export const BASE_URL = process.env.ZHIHANG_BASE_URL;
if (!BASE_URL) {
    throw new Error("ZHIHANG_BASE_URL is not set (e.g. http://127.0.0.1:18448)");
}
// Every HTTP request the SDK makes is aborted after this long.
export const REQUEST_TIMEOUT_MS = 15_000;
export const TEST_TIMEOUT_MS = 30_000;

logger.setLevel(process.env.E2E_SDK_LOG_LEVEL ?? "warn");

/** A short random suffix that keeps user names and aliases unique per run. */
export function uniqueSuffix() {
    return `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
}

// The SDK's own `localTimeoutMs` arms a timer that is not cleared when the request
// completes, which keeps the process alive for that long after the last test; an
// AbortSignal.timeout() does not hold the event loop, so the bound is put here.
export function boundedFetch(input, init = {}) {
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return globalThis.fetch(input, { ...init, signal });
}

// The SDK logs every failed send at error level, with the whole MatrixError; the
// refusals these tests expect (4xx) go to debug instead, anything else stays an error.
const clientLogger = {
    trace: (...a) => logger.trace(...a),
    debug: (...a) => logger.debug(...a),
    info: (...a) => logger.info(...a),
    warn: (...a) => logger.warn(...a),
    error: (msg, ...rest) => {
        const status = rest[0]?.httpStatus;
        if (msg === "Error sending event" && status >= 400 && status < 500) logger.debug(msg, ...rest);
        else logger.error(msg, ...rest);
    },
    getChild: (namespace) => logger.getChild(namespace),
};

const clients = [];

/**
 * A client on BASE_URL with bounded requests. Its event scheduler never retries,
 * so a server error surfaces at once instead of after the SDK's backoff (2 s, 4 s, ...).
 */
export function newClient(opts = {}) {
    const client = createClient({
        baseUrl: BASE_URL,
        fetchFn: boundedFetch,
        scheduler: new MatrixScheduler(() => -1),
        logger: clientLogger,
        ...opts,
    });
    clients.push(client);
    return client;
}

export function authedClient(session) {
    return newClient({
        accessToken: session.access_token,
        userId: session.user_id,
        deviceId: session.device_id,
    });
}

/** Stops every client made by newClient (call from after()). */
export function stopAllClients() {
    for (const c of clients) c.stopClient();
}

/** Registers `username` in one request (m.login.dummy); resolves to the login response. */
export async function registerUser(anon, username, password) {
    const res = await anon.register(username, password, null, { type: AuthType.Dummy });
    assert.match(res.user_id, new RegExp(`^@${username}:`));
    assert.equal(typeof res.access_token, "string");
    return res;
}

/** Asserts that `promise` rejects with a MatrixError carrying `errcode` (and `status` if given). */
export async function assertMatrixError(promise, errcode, status) {
    await assert.rejects(promise, (err) => {
        assert.ok(err instanceof MatrixError, `expected a MatrixError, got ${err?.name}: ${err?.message}`);
        assert.equal(err.errcode, errcode, `errcode (message: ${err.message})`);
        if (status !== undefined) assert.equal(err.httpStatus, status, `HTTP status (message: ${err.message})`);
        return true;
    });
}
