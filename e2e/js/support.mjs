// Shared helpers of the matrix-js-sdk tests (*.test.mjs): bounded requests,
// client construction and MatrixError assertions.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";

import { createClient, MatrixError, MatrixScheduler, AuthType } from "matrix-js-sdk";
import { logger } from "matrix-js-sdk/lib/logger.js";

export const BASE_URL = process.env.ZHIHANG_BASE_URL;
if (!BASE_URL) {
    throw new Error("ZHIHANG_BASE_URL is not set (e.g. http://127.0.0.1:18448)");
}
// Every HTTP request the SDK makes is aborted after this long.
export const REQUEST_TIMEOUT_MS = 15_000;
export const TEST_TIMEOUT_MS = 30_000;

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

// The SDK arms long timers it never clears once a client stops: Rust crypto gives every encrypted event that was
// not decrypted on arrival a 5-minute timer (rust-crypto.js, onLiveEventFromSync), and peekInRoom's /events polls a
// 50-second localTimeoutMs (sync.ts, peekPoll). Timers of 40 s or more must not keep the test process alive after
// the last test, so they are unref'd; shorter ones behave as usual.
const LONG_TIMER_MS = 40_000;
const setTimeoutOf = globalThis.setTimeout;
globalThis.setTimeout = (fn, ms, ...args) => {
    const timer = setTimeoutOf(fn, ms, ...args);
    if (ms >= LONG_TIMER_MS) timer.unref?.();
    return timer;
};

const LOG_LEVEL = process.env.E2E_SDK_LOG_LEVEL ?? "warn";

// The SDK's child loggers ("sync", "[MatrixRTCSession ...]", ...) start at DEBUG level whatever their
// parent's: every logger made from the root one gets the tests' level.
function atTestLevel(log) {
    log.setLevel(LOG_LEVEL, false);
    const getChild = log.getChild;
    if (!getChild.atTestLevel) {
        log.getChild = Object.assign((namespace) => atTestLevel(getChild(namespace)), { atTestLevel: true });
    }
    return log;
}
atTestLevel(logger);

// What the tests expect to be refused: a 4xx on a send, and 404 M_UNRECOGNIZED (an endpoint the
// server lacks, e.g. the SDK's probe of MSC4143 RTC transports). The SDK logs those at error or warn
// level with the whole MatrixError; they go to debug instead, anything else stays as it was.
function expectedRefusal(msg, rest) {
    const err = rest.find((a) => a instanceof MatrixError);
    if (err?.httpStatus === 404 && err.errcode === "M_UNRECOGNIZED") return true;
    const status = rest[0]?.httpStatus;
    return msg === "Error sending event" && status >= 400 && status < 500;
}

/** A client's logger: `base` with the expected refusals, and whatever `quiet(msg)` says, at debug level. */
function clientLoggerOf(base, quiet = () => false) {
    const expected = (msg, rest) => expectedRefusal(msg, rest) || quiet(msg);
    return {
        trace: (...a) => base.trace(...a),
        debug: (...a) => base.debug(...a),
        info: (...a) => base.info(...a),
        warn: (msg, ...rest) => (expected(msg, rest) ? base.debug(msg, ...rest) : base.warn(msg, ...rest)),
        error: (msg, ...rest) => (expected(msg, rest) ? base.debug(msg, ...rest) : base.error(msg, ...rest)),
        getChild: (namespace) => clientLoggerOf(base.getChild(namespace), quiet),
    };
}
const clientLogger = clientLoggerOf(logger);

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

/**
 * What a syncing client asked the server, for assertions and the report: every request (method, path,
 * status, errcode), the raw body of every `/sync` answer, and the requests that got a stand-in.
 * Emits "response" (with the entry) once each answer has been recorded.
 */
export class RequestLog extends EventEmitter {
    constructor(label) {
        super();
        this.label = label;
        this.requests = [];
        this.syncResponses = [];
        this.standIns = [];
    }

    get syncCount() {
        return this.requests.filter((r) => r.path.endsWith("/sync")).length;
    }

    /**
     * Requests that did not succeed and got no stand-in, as "METHOD path -> status errcode" lines
     * (an aborted request shows its error's name; one still under way when asked is left out).
     */
    failures() {
        return this.requests
            .filter((r) => !r.standIn && (r.error !== undefined || r.status >= 400))
            .map((r) => `${r.method} ${r.path} -> ${r.status ?? r.error} ${r.errcode ?? ""}`.trim());
    }
}

// matrix-js-sdk's startClient() retries GET /pushrules/ and POST /user/{id}/filter forever when they
// fail, so /sync never starts. While a server lacks them (404 M_UNRECOGNIZED), a syncing client gets
// these stand-ins instead, recorded in RequestLog.standIns; a server that serves them is used as is.
const STAND_INS = [
    {
        method: "GET",
        path: /\/_matrix\/client\/v3\/pushrules\/$/,
        body: () => ({ global: { override: [], content: [], room: [], sender: [], underride: [] } }),
    },
    {
        method: "POST",
        path: /\/_matrix\/client\/v3\/user\/[^/]+\/filter$/,
        body: () => ({ filter_id: "e2e-stand-in" }),
    },
];

function recordingFetch(log) {
    return async (input, init = {}) => {
        const url = new URL(String(input));
        const method = (init.method ?? "GET").toUpperCase();
        const entry = { method, path: url.pathname, query: url.search };
        log.requests.push(entry);
        let res;
        try {
            res = await boundedFetch(input, init);
        } catch (err) {
            entry.error = err.name;
            throw err;
        }
        entry.status = res.status;
        if (res.status >= 400 && (res.headers.get("content-type") ?? "").includes("json")) {
            entry.errcode = (await res.clone().json().catch(() => ({}))).errcode;
        }
        const standIn = STAND_INS.find((s) => s.method === method && s.path.test(url.pathname));
        if (standIn && res.status === 404 && entry.errcode === "M_UNRECOGNIZED") {
            entry.standIn = true;
            log.standIns.push(`${method} ${url.pathname}`);
            return new Response(JSON.stringify(standIn.body()), {
                status: 200,
                headers: { "content-type": "application/json" },
            });
        }
        if (res.ok && url.pathname.endsWith("/sync")) {
            log.syncResponses.push({ query: Object.fromEntries(url.searchParams), body: await res.clone().json() });
        }
        log.emit("response", entry);
        return res;
    };
}

/**
 * A client for startClient(): like authedClient, with its requests recorded in `client.requestLog`;
 * `opts` adds createClient options (e.g. cryptoCallbacks).
 */
export function syncingClient(session, label, opts = {}) {
    const log = new RequestLog(label);
    // With the push rules stand-in (no rules at all) the SDK warns about each default rule it adds.
    const pushRulesStandIn = (msg) =>
        /^(Missing|Adding) default global/.test(msg) && log.standIns.some((r) => r.includes("/pushrules/"));
    const client = newClient({
        accessToken: session.access_token,
        userId: session.user_id,
        deviceId: session.device_id,
        fetchFn: recordingFetch(log),
        logger: clientLoggerOf(logger, pushRulesStandIn),
        ...opts,
    });
    client.requestLog = log;
    // A /sync request carries localTimeoutMs = pollTimeout + 80 s, which the SDK turns into a
    // setTimeout that is never cleared (http-api/utils.js timeoutSignal): each sync would keep the
    // process alive that long after the last test. The same bound as an AbortSignal.timeout does not.
    const requestOtherUrl = client.http.requestOtherUrl.bind(client.http);
    client.http.requestOtherUrl = (method, url, body, opts = {}) => {
        const { localTimeoutMs, ...rest } = opts;
        if (localTimeoutMs !== undefined) {
            const timeout = AbortSignal.timeout(localTimeoutMs);
            rest.abortSignal = rest.abortSignal ? AbortSignal.any([rest.abortSignal, timeout]) : timeout;
        }
        return requestOtherUrl(method, url, body, rest);
    };
    return client;
}

/**
 * Resolves with the first truthy value of `predicate()`, evaluated now and on each of `eventNames`
 * emitted by `emitter`; rejects after `timeoutMs` with `describe()` (the state seen last) in the message.
 */
export function until(emitter, eventNames, predicate, label, timeoutMs = 15_000, describe = () => "") {
    return new Promise((resolve, reject) => {
        let timer;
        const finish = () => {
            clearTimeout(timer);
            for (const name of eventNames) emitter.off(name, check);
        };
        function check() {
            let value;
            try {
                value = predicate();
            } catch (err) {
                finish();
                reject(err);
                return;
            }
            if (value) {
                finish();
                resolve(value);
            }
        }
        for (const name of eventNames) emitter.on(name, check);
        timer = setTimeout(() => {
            finish();
            reject(new Error(`timed out after ${timeoutMs} ms waiting for ${label}. ${describe()}`));
        }, timeoutMs);
        check();
    });
}
