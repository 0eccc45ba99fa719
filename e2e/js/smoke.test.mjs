// Smoke test of the Zhihang homeserver with the real matrix-js-sdk.
//
// Run with the Node 22 binary shipped by the `node` devDependency:
//   ZHIHANG_BASE_URL=http://127.0.0.1:18448 node_modules/node/bin/node --test smoke.test.mjs
//
// Top-level tests in one file run in order, so later tests use the state that
// earlier ones set up; a failed step makes the dependent ones fail too.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";

import { InteractiveAuth, AuthType, MatrixError } from "matrix-js-sdk";

import {
    TEST_TIMEOUT_MS,
    uniqueSuffix,
    newClient,
    authedClient,
    stopAllClients,
    assertMatrixError,
} from "./support.mjs";

const suffix = uniqueSuffix();
const USERNAME = `jsuser_${suffix}`;
const OTHER_USERNAME = `jsother_${suffix}`;
const PASSWORD = `pw-${randomBytes(8).toString("hex")}`;

const opts = { timeout: TEST_TIMEOUT_MS };
const state = {};
let anon;

before(() => {
    anon = newClient();
});

after(stopAllClients);

test("GET /versions advertises v1.x", opts, async () => {
    const versions = await anon.getVersions();
    assert.ok(Array.isArray(versions.versions), "versions is an array");
    assert.ok(versions.versions.some((v) => /^v1\.\d+$/.test(v)), `some v1.x in ${versions.versions}`);
});

test("username is available before registration", opts, async () => {
    assert.equal(await anon.isUsernameAvailable(USERNAME), true);
});

test("register without auth returns a UIA 401 offering m.login.dummy", opts, async () => {
    await assert.rejects(anon.registerRequest({ username: USERNAME, password: PASSWORD }), (err) => {
        assert.ok(err instanceof MatrixError, `expected a MatrixError, got ${err}`);
        assert.equal(err.httpStatus, 401);
        assert.equal(typeof err.data.session, "string", "UIA session id");
        assert.ok(
            err.data.flows.some((f) => f.stages.includes(AuthType.Dummy)),
            `a flow with m.login.dummy in ${JSON.stringify(err.data.flows)}`,
        );
        return true;
    });
});

test("register through the SDK's InteractiveAuth (m.login.dummy)", opts, async () => {
    const stages = [];
    const ia = new InteractiveAuth({
        matrixClient: anon,
        doRequest: (auth) =>
            anon.registerRequest({
                username: USERNAME,
                password: PASSWORD,
                initial_device_display_name: "js-sdk register",
                refresh_token: true,
                ...(auth ? { auth } : {}),
            }),
        stateUpdated: (stage) => stages.push(stage),
        requestEmailToken: () => Promise.reject(new Error("no e-mail in this test")),
        supportedStages: [AuthType.Dummy],
    });
    const res = await ia.attemptAuth();
    assert.match(res.user_id, new RegExp(`^@${USERNAME}:`));
    assert.equal(typeof res.access_token, "string");
    assert.equal(typeof res.device_id, "string");
    state.registered = res;
});

test("username is taken after registration", opts, async () => {
    assert.equal(await anon.isUsernameAvailable(USERNAME), false);
});

test("registering the same username again fails with M_USER_IN_USE", opts, async () => {
    await assertMatrixError(
        anon.register(USERNAME, PASSWORD, null, { type: AuthType.Dummy }),
        "M_USER_IN_USE",
        400,
    );
});

test("register in one request with client.register + m.login.dummy", opts, async () => {
    const res = await anon.register(OTHER_USERNAME, PASSWORD, null, { type: AuthType.Dummy });
    assert.match(res.user_id, new RegExp(`^@${OTHER_USERNAME}:`));
    assert.equal(typeof res.access_token, "string");
    state.other = res;
});

test("login with loginRequest (m.login.password, m.id.user identifier)", opts, async () => {
    const res = await anon.loginRequest({
        type: AuthType.Password,
        identifier: { type: "m.id.user", user: USERNAME },
        password: PASSWORD,
        initial_device_display_name: "js-sdk loginRequest",
    });
    assert.equal(res.user_id, state.registered.user_id);
    assert.equal(typeof res.access_token, "string");
    assert.notEqual(res.device_id, state.registered.device_id, "a new device per login");
    state.login1 = res;
});

test("login with client.login (m.login.password, full user id identifier)", opts, async () => {
    const client = newClient();
    const res = await client.login(AuthType.Password, {
        identifier: { type: "m.id.user", user: state.registered.user_id },
        password: PASSWORD,
    });
    assert.equal(res.user_id, state.registered.user_id);
    assert.equal(client.getAccessToken(), res.access_token, "client.login stores the new token");
    state.login2 = res;
});

test("login with loginWithPassword (legacy top-level user)", opts, async () => {
    const res = await newClient().loginWithPassword(USERNAME, PASSWORD);
    assert.equal(res.user_id, state.registered.user_id);
    state.login3 = res;
});

test("wrong password is refused with M_FORBIDDEN", opts, async () => {
    await assertMatrixError(
        anon.loginRequest({
            type: AuthType.Password,
            identifier: { type: "m.id.user", user: USERNAME },
            password: `${PASSWORD}-wrong`,
        }),
        "M_FORBIDDEN",
        403,
    );
});

test("whoami returns the user and device of the token", opts, async () => {
    const who = await authedClient(state.login1).whoami();
    assert.equal(who.user_id, state.login1.user_id);
    assert.equal(who.device_id, state.login1.device_id);
});

test("getDevices lists every session's device", opts, async () => {
    const { devices } = await authedClient(state.login1).getDevices();
    const ids = devices.map((d) => d.device_id);
    for (const s of [state.registered, state.login1, state.login2, state.login3]) {
        assert.ok(ids.includes(s.device_id), `${s.device_id} in ${ids}`);
    }
    const named = devices.find((d) => d.device_id === state.login1.device_id);
    assert.equal(named.display_name, "js-sdk loginRequest");
});

test("setDisplayName then getProfileInfo", opts, async () => {
    const client = authedClient(state.login1);
    const name = `JS Smoke ${suffix}`;
    await client.setDisplayName(name);
    const profile = await client.getProfileInfo(state.login1.user_id);
    assert.equal(profile.displayname, name);
    const displaynameOnly = await anon.getProfileInfo(state.login1.user_id, "displayname");
    assert.equal(displaynameOnly.displayname, name);
});

test("refreshToken issues a working access token", opts, async (t) => {
    if (!state.registered.refresh_token) {
        t.skip("server returned no refresh_token");
        return;
    }
    const res = await anon.refreshToken(state.registered.refresh_token);
    assert.equal(typeof res.access_token, "string");
    const who = await newClient({ accessToken: res.access_token }).whoami();
    assert.equal(who.user_id, state.registered.user_id);
    assert.equal(who.device_id, state.registered.device_id);
});

test("logout, then the old token is refused with M_UNKNOWN_TOKEN", opts, async () => {
    const client = authedClient(state.login1);
    await client.logout(true);
    await assertMatrixError(authedClient(state.login1).whoami(), "M_UNKNOWN_TOKEN", 401);
    await assertMatrixError(authedClient(state.login1).getDevices(), "M_UNKNOWN_TOKEN", 401);
});

test("other sessions survive that logout; its device is gone", opts, async () => {
    const client = authedClient(state.login2);
    const who = await client.whoami();
    assert.equal(who.device_id, state.login2.device_id);
    const ids = (await client.getDevices()).devices.map((d) => d.device_id);
    assert.ok(!ids.includes(state.login1.device_id), `${state.login1.device_id} not in ${ids}`);
});
