package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.PASSWORD;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Matrix.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Synapse's user admin API (as synadm 0.38 uses it) and the seed's aliases: each effect, and each refusal. */
@QuarkusTest
class AdminUsersApiTest {
    private static final String ADMIN = "/_synapse/admin";

    @Inject
    TableRows rows;

    @Test
    void server_version_is_for_admins() {
        Matrix.Session admin = Matrix.registerAdmin("uadmver");
        Matrix.Session user = Matrix.registerFresh("uadmverusr");
        as(admin).get(ADMIN + "/v1/server_version").then().statusCode(200)
                .body("server_version", startsWith("Zhihang"));
        as(user).get(ADMIN + "/v1/server_version").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        json().get(ADMIN + "/v1/server_version").then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
    }

    @Test
    void the_list_filters_pages_and_orders_users() {
        Matrix.Session admin = Matrix.registerAdmin("uadmlist");
        String tag = Matrix.freshName("lst").replace("-", "");
        Matrix.Session a = Matrix.register(tag + "a");
        Matrix.Session b = Matrix.register(tag + "b");
        Matrix.Session c = Matrix.register(tag + "c");
        as(c).body(Map.of("displayname", "zed someone")).put(V3 + "/profile/" + c.userId() + "/displayname")
                .then().statusCode(200);
        as(admin).body(Map.of("erase", false)).post(ADMIN + "/v1/deactivate/" + b.userId()).then().statusCode(200);

        as(admin).queryParam("user_id", tag).get(ADMIN + "/v2/users").then().statusCode(200)
                .body("total", equalTo(2))
                .body("users.name", contains(a.userId(), c.userId()))
                .body("users[0].admin", equalTo(false))
                .body("users[0].deactivated", equalTo(false))
                .body("users[0].is_guest", equalTo(false))
                .body("users[0].shadow_banned", equalTo(false))
                .body("users[0].creation_ts", notNullValue());
        as(admin).queryParam("user_id", tag).queryParam("deactivated", "true").get(ADMIN + "/v2/users").then()
                .statusCode(200).body("users.name", contains(a.userId(), b.userId(), c.userId()));
        as(admin).queryParam("user_id", tag).queryParam("deactivated", "true").queryParam("limit", "2")
                .get(ADMIN + "/v2/users").then().statusCode(200)
                .body("users.name", contains(a.userId(), b.userId())).body("next_token", equalTo("2"))
                .body("total", equalTo(3));
        as(admin).queryParam("user_id", tag).queryParam("deactivated", "true").queryParam("from", "2")
                .get(ADMIN + "/v2/users").then().statusCode(200)
                .body("users.name", contains(c.userId())).body("next_token", nullValue());
        as(admin).queryParam("user_id", tag).queryParam("dir", "b").get(ADMIN + "/v2/users").then()
                .statusCode(200).body("users.name", contains(c.userId(), a.userId()));
        as(admin).queryParam("user_id", tag).queryParam("order_by", "displayname").get(ADMIN + "/v2/users").then()
                .statusCode(200).body("users.name", contains(a.userId(), c.userId()));
        as(admin).queryParam("name", "zed some").get(ADMIN + "/v2/users").then().statusCode(200)
                .body("users.name", hasItem(c.userId()));
        as(admin).queryParam("user_id", tag).queryParam("admins", "true").get(ADMIN + "/v2/users").then()
                .statusCode(200).body("users", empty());
        // the seed's v1 path is the same list
        as(admin).queryParam("user_id", tag).get(ADMIN + "/v1/users").then().statusCode(200)
                .body("users.name", contains(a.userId(), c.userId()));

        as(admin).queryParam("order_by", "shoe_size").get(ADMIN + "/v2/users").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(admin).queryParam("dir", "x").get(ADMIN + "/v2/users").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(admin).queryParam("limit", "-1").get(ADMIN + "/v2/users").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(a).get(ADMIN + "/v2/users").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(a).get(ADMIN + "/v1/users").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
    }

    @Test
    void user_details_have_synapses_fields() {
        Matrix.Session admin = Matrix.registerAdmin("uadmdet");
        Matrix.Session alice = Matrix.registerFresh("uadmdetal");
        for (String version : List.of("v1", "v2")) {
            as(admin).get(ADMIN + "/" + version + "/users/" + alice.userId()).then().statusCode(200)
                    .body("name", equalTo(alice.userId()))
                    .body("displayname", equalTo(alice.localpart()))
                    .body("admin", equalTo(false))
                    .body("deactivated", equalTo(false))
                    .body("erased", equalTo(false))
                    .body("shadow_banned", equalTo(false))
                    .body("is_guest", equalTo(false))
                    .body("locked", equalTo(false))
                    .body("threepids", empty())
                    .body("external_ids", empty())
                    .body("appservice_id", nullValue())
                    .body("user_type", nullValue())
                    .body("creation_ts", notNullValue())
                    .body("last_seen_ts", notNullValue());
            as(alice).get(ADMIN + "/" + version + "/users/" + alice.userId()).then().statusCode(403)
                    .body("errcode", equalTo("M_FORBIDDEN"));
        }
        as(admin).get(ADMIN + "/v2/users/@nobody-here:localhost").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        as(admin).get(ADMIN + "/v2/users/@someone:elsewhere.example").then().statusCode(400);
    }

    @Test
    void put_creates_then_modifies_a_user() {
        Matrix.Session admin = Matrix.registerAdmin("uadmput");
        String name = Matrix.freshName("uadmputnew");
        String userId = "@" + name + ":localhost";
        as(admin).body(Map.of("password", "first password here", "displayname", "New One", "admin", false))
                .put(ADMIN + "/v2/users/" + userId).then().statusCode(201)
                .body("name", equalTo(userId)).body("displayname", equalTo("New One")).body("admin", equalTo(false));
        Matrix.Session created = Matrix.login(name, "first password here");

        as(admin).body(Map.of("password", "second password here", "displayname", "Renamed", "admin", true))
                .put(ADMIN + "/v2/users/" + userId).then().statusCode(200)
                .body("displayname", equalTo("Renamed")).body("admin", equalTo(true));
        as(created).get(V3 + "/account/whoami").then().statusCode(401).body("errcode", equalTo("M_UNKNOWN_TOKEN"));
        Matrix.Session again = Matrix.login(name, "second password here");
        as(again).get(ADMIN + "/v2/users").then().statusCode(200);
        json().get(V3 + "/profile/" + userId + "/displayname").then().statusCode(200)
                .body("displayname", equalTo("Renamed"));

        as(admin).body(Map.of("deactivated", true)).put(ADMIN + "/v2/users/" + userId).then().statusCode(200)
                .body("deactivated", equalTo(true));
        loginFails(name, "second password here");
        as(admin).body(Map.of("deactivated", false)).put(ADMIN + "/v2/users/" + userId).then().statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
        as(admin).body(Map.of("deactivated", false, "password", "third password here"))
                .put(ADMIN + "/v2/users/" + userId).then().statusCode(200).body("deactivated", equalTo(false));
        Matrix.Session third = Matrix.login(name, "third password here");

        as(admin).body(Map.of("threepids", List.of(Map.of("medium", "email", "address", "a@example.org"))))
                .put(ADMIN + "/v2/users/" + userId).then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(admin).body(Map.of("threepids", List.of(), "external_ids", List.of()))
                .put(ADMIN + "/v2/users/" + userId).then().statusCode(200);
        as(admin).body(Map.of("admin", "yes")).put(ADMIN + "/v2/users/" + userId).then().statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        as(admin).body(Map.of("admin", false)).put(ADMIN + "/v2/users/" + admin.userId()).then().statusCode(400);
        as(third).body(Map.of("admin", false)).put(ADMIN + "/v2/users/" + userId).then().statusCode(400);
        as(admin).body(Map.of("admin", false)).put(ADMIN + "/v2/users/" + userId).then().statusCode(200)
                .body("admin", equalTo(false));
        as(third).body(Map.of("admin", true)).put(ADMIN + "/v2/users/" + userId).then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        assertThat(rows.where("security_events", "target", userId))
                .anyMatch(r -> r.contains("create_user")).anyMatch(r -> r.contains("modify_user"))
                .noneMatch(r -> r.contains("password here"));
    }

    @Test
    void deactivation_by_an_admin_ends_sessions_and_may_erase() {
        Matrix.Session admin = Matrix.registerAdmin("uadmdeact");
        Matrix.Session alice = Matrix.registerFresh("uadmdeactal");
        Matrix.Session bob = Matrix.registerFresh("uadmdeactbob");
        Matrix.Session carol = Matrix.registerFresh("uadmdeactcar");
        as(carol).post(ADMIN + "/v1/deactivate/" + alice.userId()).then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        as(alice).get(V3 + "/account/whoami").then().statusCode(200);

        as(admin).body(Map.of("erase", true)).post(ADMIN + "/v1/deactivate/" + alice.userId()).then()
                .statusCode(200).body("id_server_unbind_result", equalTo("success"));
        as(alice).get(V3 + "/account/whoami").then().statusCode(401);
        loginFails(alice.localpart(), PASSWORD);
        as(admin).get(ADMIN + "/v2/users/" + alice.userId()).then().statusCode(200)
                .body("deactivated", equalTo(true)).body("erased", equalTo(true)).body("displayname", nullValue());

        // the seed's alias, with an empty body
        as(admin).post(ADMIN + "/v1/users/" + bob.userId() + "/deactivate").then().statusCode(200);
        loginFails(bob.localpart(), PASSWORD);
        as(admin).post(ADMIN + "/v1/deactivate/@nobody-here:localhost").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        assertThat(rows.where("security_events", "target", alice.userId())).anyMatch(r -> r.contains("deactivate_user"));
    }

    @Test
    void reset_password_changes_it_and_logs_out_unless_asked_not_to() {
        Matrix.Session admin = Matrix.registerAdmin("uadmpw");
        Matrix.Session alice = Matrix.registerFresh("uadmpwal");
        as(admin).body(Map.of("new_password", "brand new password", "logout_devices", false))
                .post(ADMIN + "/v1/reset_password/" + alice.userId()).then().statusCode(200);
        as(alice).get(V3 + "/account/whoami").then().statusCode(200);
        loginFails(alice.localpart(), PASSWORD);
        Matrix.login(alice.localpart(), "brand new password");

        as(admin).body(Map.of("new_password", "another new password"))
                .post(ADMIN + "/v1/reset_password/" + alice.userId()).then().statusCode(200);
        as(alice).get(V3 + "/account/whoami").then().statusCode(401);
        Matrix.Session fresh = Matrix.login(alice.localpart(), "another new password");

        as(admin).body(Map.of()).post(ADMIN + "/v1/reset_password/" + alice.userId()).then().statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
        as(fresh).body(Map.of("new_password", "x y z w v u"))
                .post(ADMIN + "/v1/reset_password/" + admin.userId()).then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
    }

    @Test
    void the_admin_flag_can_be_read_and_set_but_not_dropped_by_oneself() {
        Matrix.Session admin = Matrix.registerAdmin("uadmflag");
        Matrix.Session alice = Matrix.registerFresh("uadmflagal");
        as(admin).get(ADMIN + "/v1/users/" + alice.userId() + "/admin").then().statusCode(200)
                .body("admin", equalTo(false));
        as(alice).get(ADMIN + "/v2/users").then().statusCode(403);
        as(admin).body(Map.of("admin", true)).put(ADMIN + "/v1/users/" + alice.userId() + "/admin").then()
                .statusCode(200);
        as(alice).get(ADMIN + "/v2/users").then().statusCode(200);
        as(admin).get(ADMIN + "/v1/users/" + alice.userId() + "/admin").then().statusCode(200)
                .body("admin", equalTo(true));
        as(alice).body(Map.of("admin", false)).put(ADMIN + "/v1/users/" + alice.userId() + "/admin").then()
                .statusCode(400);
        as(admin).body(Map.of("admin", false)).put(ADMIN + "/v1/users/" + alice.userId() + "/admin").then()
                .statusCode(200);
        as(alice).get(ADMIN + "/v2/users").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(alice).body(Map.of("admin", true)).put(ADMIN + "/v1/users/" + alice.userId() + "/admin").then()
                .statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(alice).get(ADMIN + "/v1/users/" + alice.userId() + "/admin").then().statusCode(403);
        as(admin).body(Map.of()).put(ADMIN + "/v1/users/" + alice.userId() + "/admin").then().statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
    }

    @Test
    void joined_rooms_and_whois() {
        Matrix.Session admin = Matrix.registerAdmin("uadmrooms");
        Matrix.Session alice = Matrix.registerFresh("uadmroomsal");
        String roomId = Rooms.create(alice, Map.of());
        as(admin).get(ADMIN + "/v1/users/" + alice.userId() + "/joined_rooms").then().statusCode(200)
                .body("joined_rooms", contains(roomId)).body("total", equalTo(1));
        as(alice).get(ADMIN + "/v1/users/" + alice.userId() + "/joined_rooms").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        as(admin).get(ADMIN + "/v1/whois/" + alice.userId()).then().statusCode(200)
                .body("user_id", equalTo(alice.userId()));
        as(alice).get(ADMIN + "/v1/whois/" + alice.userId()).then().statusCode(200);
        as(alice).get(ADMIN + "/v1/whois/" + admin.userId()).then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
    }

    @Test
    void an_admin_can_log_in_as_a_user() {
        Matrix.Session admin = Matrix.registerAdmin("uadmlogin");
        Matrix.Session alice = Matrix.registerFresh("uadmloginal");
        String token = as(admin).body(Map.of()).post(ADMIN + "/v1/users/" + alice.userId() + "/login").then()
                .statusCode(200).extract().path("access_token");
        json().header("Authorization", "Bearer " + token).get(V3 + "/account/whoami").then().log().ifValidationFails()
                .statusCode(200)
                .body("user_id", equalTo(alice.userId()));
        String expired = as(admin).body(Map.of("valid_until_ms", 1000))
                .post(ADMIN + "/v1/users/" + alice.userId() + "/login").then().statusCode(200)
                .extract().path("access_token");
        json().header("Authorization", "Bearer " + expired).get(V3 + "/account/whoami").then().statusCode(401)
                .body("errcode", equalTo("M_UNKNOWN_TOKEN"));
        as(admin).body(Map.of()).post(ADMIN + "/v1/users/" + admin.userId() + "/login").then().statusCode(400);
        as(alice).body(Map.of()).post(ADMIN + "/v1/users/" + admin.userId() + "/login").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
    }

    @Test
    void a_shadow_banned_users_messages_reach_nobody() {
        Matrix.Session admin = Matrix.registerAdmin("uadmshadow");
        Matrix.Session alice = Matrix.registerFresh("uadmshadowal");
        Matrix.Session bob = Matrix.registerFresh("uadmshadowbob");
        String roomId = Rooms.create(bob, Map.of("preset", "public_chat"));
        as(alice).body(Map.of()).post(V3 + "/join/" + roomId).then().statusCode(200);
        as(bob).post(ADMIN + "/v1/users/" + alice.userId() + "/shadow_ban").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));

        as(admin).post(ADMIN + "/v1/users/" + alice.userId() + "/shadow_ban").then().statusCode(200);
        as(admin).get(ADMIN + "/v2/users/" + alice.userId()).then().body("shadow_banned", equalTo(true));
        String hidden = Rooms.send(alice, roomId, "nobody hears this");
        assertThat(hidden).startsWith("$");
        as(bob).get(Rooms.path(roomId) + "/event/" + hidden).then().statusCode(404);
        as(bob).queryParam("dir", "b").get(Rooms.path(roomId) + "/messages").then().statusCode(200)
                .body("chunk.content.body", not(hasItem("nobody hears this")));

        as(admin).delete(ADMIN + "/v1/users/" + alice.userId() + "/shadow_ban").then().statusCode(200);
        String seen = Rooms.send(alice, roomId, "now they hear");
        as(bob).get(Rooms.path(roomId) + "/event/" + seen).then().statusCode(200);
        assertThat(rows.where("security_events", "target", alice.userId()))
                .anyMatch(r -> r.contains("shadow_ban")).anyMatch(r -> r.contains("shadow_unban"));
    }

    @Test
    void an_admin_manages_a_users_devices() {
        Matrix.Session admin = Matrix.registerAdmin("uadmdev");
        Matrix.Session alice = Matrix.registerFresh("uadmdeval");
        Matrix.Session second = Matrix.login(alice.localpart(), PASSWORD);
        Matrix.Session third = Matrix.login(alice.localpart(), PASSWORD);
        String devices = ADMIN + "/v2/users/" + alice.userId() + "/devices";
        as(admin).get(devices).then().statusCode(200).body("total", equalTo(3))
                .body("devices.device_id", hasItem(alice.deviceId()))
                .body("devices[0].user_id", equalTo(alice.userId()));
        as(admin).body(Map.of("display_name", "Named by admin")).put(devices + "/" + alice.deviceId()).then()
                .statusCode(200);
        as(admin).get(devices + "/" + alice.deviceId()).then().statusCode(200)
                .body("display_name", equalTo("Named by admin")).body("device_id", equalTo(alice.deviceId()));
        as(alice).get(V3 + "/devices/" + alice.deviceId()).then().body("display_name", equalTo("Named by admin"));

        as(admin).delete(devices + "/" + second.deviceId()).then().statusCode(200);
        as(second).get(V3 + "/account/whoami").then().statusCode(401);
        as(admin).body(Map.of("devices", List.of(third.deviceId(), "NOSUCHDEVICE")))
                .post(ADMIN + "/v2/users/" + alice.userId() + "/delete_devices").then().statusCode(200);
        as(third).get(V3 + "/account/whoami").then().statusCode(401);
        as(admin).get(devices).then().statusCode(200).body("total", equalTo(1));
        as(admin).get(devices + "/NOSUCHDEVICE").then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));

        as(alice).get(devices).then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(alice).get(devices + "/" + alice.deviceId()).then().statusCode(403);
        as(alice).body(Map.of("display_name", "x")).put(devices + "/" + alice.deviceId()).then().statusCode(403);
        as(alice).delete(devices + "/" + alice.deviceId()).then().statusCode(403);
        as(alice).body(Map.of("devices", List.of(alice.deviceId())))
                .post(ADMIN + "/v2/users/" + alice.userId() + "/delete_devices").then().statusCode(403);
        as(alice).get(V3 + "/account/whoami").then().statusCode(200);
    }

    @Test
    void threepid_and_external_id_lookups_find_nobody() {
        Matrix.Session admin = Matrix.registerAdmin("uadm3pid");
        Matrix.Session alice = Matrix.registerFresh("uadm3pidal");
        as(admin).get(ADMIN + "/v1/threepid/email/users/a@example.org").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        as(admin).get(ADMIN + "/v1/auth_providers/oidc/users/abc").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).get(ADMIN + "/v1/threepid/email/users/a@example.org").then().statusCode(403);
        as(alice).get(ADMIN + "/v1/auth_providers/oidc/users/abc").then().statusCode(403);
    }

    @Test
    void rate_limit_overrides_are_stored() {
        Matrix.Session admin = Matrix.registerAdmin("uadmrl");
        Matrix.Session alice = Matrix.registerFresh("uadmrlal");
        String path = ADMIN + "/v1/users/" + alice.userId() + "/override_ratelimit";
        as(admin).get(path).then().statusCode(200).body("$", equalTo(Map.of()));
        as(admin).body(Map.of("messages_per_second", 5, "burst_count", 9)).post(path).then().statusCode(200)
                .body("messages_per_second", equalTo(5)).body("burst_count", equalTo(9));
        as(admin).get(path).then().statusCode(200)
                .body("messages_per_second", equalTo(5)).body("burst_count", equalTo(9));
        as(admin).body(Map.of("messages_per_second", -1)).post(path).then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(admin).delete(path).then().statusCode(200);
        as(admin).get(path).then().statusCode(200).body("$", equalTo(Map.of()));
        as(alice).get(path).then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(alice).body(Map.of()).post(path).then().statusCode(403);
        as(alice).delete(path).then().statusCode(403);
    }

    private static void loginFails(String user, String password) {
        json().body(Map.of("type", "m.login.password", "identifier", Map.of("type", "m.id.user", "user", user),
                        "password", password))
                .post(V3 + "/login").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(403), equalTo(401)));
    }
}
