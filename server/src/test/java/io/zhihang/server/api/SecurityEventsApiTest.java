package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.zhihang.application.port.in.admin.security.SecurityHousekeepingUseCase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.AdminSecurity.SECURITY;
import static io.zhihang.server.api.AdminSecurity.as;
import static io.zhihang.server.api.AdminSecurity.freshNet;
import static io.zhihang.server.api.AdminSecurity.from;
import static io.zhihang.server.api.Matrix.PASSWORD;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.passwordAuth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@TestProfile(TrustedProxyProfile.class)
class SecurityEventsApiTest {
    @Inject
    TestClock clock;
    @Inject
    SecurityHousekeepingUseCase housekeeping;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    private static void failLogin(String user, String address) {
        from(address).body(Map.of("type", "m.login.password", "identifier", Map.of("type", "m.id.user", "user", user),
                "password", "wrong")).post(V3 + "/login").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
    }

    private static List<Map<String, Object>> events(Matrix.Session admin, String query) {
        return as(admin).get(SECURITY + "/events?" + query).then().statusCode(200).extract().jsonPath()
                .getList("events");
    }

    @Test
    void a_failed_login_is_logged_with_user_and_address_but_no_password() {
        Matrix.Session admin = Matrix.registerAdmin("secadmin");
        Matrix.Session alice = Matrix.registerFresh("alice");
        String address = freshNet() + ".3";
        failLogin(alice.userId(), address);
        failLogin("nobody-" + Matrix.freshName("x"), address);

        List<Map<String, Object>> logged = events(admin, "type=failed_login&ip=" + address);
        assertThat(logged).hasSize(2);
        assertThat(logged.get(0)).containsEntry("user_id", null).containsEntry("type", "failed_login");
        assertThat(logged.get(0).get("details")).isEqualTo(Map.of("reason", "unknown_user"));
        assertThat(logged.get(1)).containsEntry("user_id", alice.userId()).containsEntry("ip", address);
        assertThat(logged.get(1).get("details")).isEqualTo(Map.of("reason", "wrong_password"));
        assertThat(logged.toString()).doesNotContain("wrong\"").doesNotContain(PASSWORD);
        assertThat(events(admin, "user_id=" + alice.userId())).hasSize(1);
    }

    @Test
    void a_failed_password_stage_of_uia_is_logged() {
        Matrix.Session admin = Matrix.registerAdmin("secadmin");
        Matrix.Session bob = Matrix.registerFresh("bob");
        String session = Matrix.as(bob).body(Map.of("new_password", "new secret"))
                .post(V3 + "/account/password").then().statusCode(401).extract().path("session");
        Matrix.as(bob).body(Map.of("new_password", "new secret", "auth", passwordAuth(bob, "wrong", session)))
                .post(V3 + "/account/password").then().statusCode(401);
        List<Map<String, Object>> logged = events(admin, "type=uia_failed&user_id=" + bob.userId());
        assertThat(logged).hasSize(1);
        assertThat(logged.getFirst().get("details")).isEqualTo(Map.of("stage", "m.login.password"));
    }

    @Test
    void events_are_paged_newest_first_and_filtered_by_time() {
        Matrix.Session admin = Matrix.registerAdmin("secadmin");
        String address = freshNet() + ".4";
        Instant start = clock.freeze();
        for (int i = 0; i < 3; i++) {
            failLogin("pager-" + i, address);
            clock.advance(Duration.ofSeconds(1));
        }
        var first = as(admin).get(SECURITY + "/events?ip=" + address + "&limit=2").then().statusCode(200)
                .body("total", equalTo(3)).extract().jsonPath();
        List<Long> ts = first.getList("events.ts", Long.class);
        assertThat(ts).containsExactly(start.plusSeconds(2).toEpochMilli(), start.plusSeconds(1).toEpochMilli());
        String next = first.getString("next_token");
        as(admin).get(SECURITY + "/events?ip=" + address + "&limit=2&from=" + next).then().statusCode(200)
                .body("events.ts", equalTo(List.of(start.toEpochMilli()))).body("next_token", nullValue());
        assertThat(events(admin, "ip=" + address + "&since=" + start.plusSeconds(1).toEpochMilli() + "&until="
                + start.plusSeconds(2).toEpochMilli())).hasSize(1);
    }

    @Test
    void reputation_falls_with_failed_logins_and_recovers_as_they_age() {
        Matrix.Session admin = Matrix.registerAdmin("secadmin");
        String address = freshNet() + ".8";
        clock.freeze();
        as(admin).get(SECURITY + "/ip/reputation/" + address).then().statusCode(200)
                .body("score", equalTo(100)).body("risk", equalTo(0)).body("blocked", equalTo(false));
        failLogin("rep-a", address);
        failLogin("rep-b", address);
        as(admin).get(SECURITY + "/ip/reputation/" + address).then().statusCode(200)
                .body("score", equalTo(80)).body("risk", equalTo(20))
                .body("last_hour.failed_logins", equalTo(2)).body("last_day.failed_logins", equalTo(2));
        clock.advance(Duration.ofHours(2));
        as(admin).get(SECURITY + "/ip/reputation/" + address).then().statusCode(200)
                .body("score", equalTo(96)).body("last_hour.failed_logins", equalTo(0));
        clock.advance(Duration.ofDays(1));
        as(admin).get(SECURITY + "/ip/reputation/" + address).then().statusCode(200).body("score", equalTo(100));
        as(admin).get(SECURITY + "/ip/reputation/not-an-address").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
    }

    @Test
    void events_older_than_the_retention_are_deleted() {
        Matrix.Session admin = Matrix.registerAdmin("secadmin");
        String address = freshNet() + ".6";
        clock.freeze();
        failLogin("old", address);
        clock.advance(Duration.ofDays(89));
        failLogin("recent", address);
        clock.advance(Duration.ofDays(2));
        housekeeping.purgeOld();
        assertThat(events(admin, "ip=" + address)).hasSize(1);
    }

    @Test
    void bad_parameters_are_refused() {
        Matrix.Session admin = Matrix.registerAdmin("secadmin");
        as(admin).get(SECURITY + "/events?type=nonsense").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(admin).get(SECURITY + "/events?since=yesterday").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(admin).get(SECURITY + "/events?limit=0").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
    }

    @Test
    void only_server_admins_may_read_the_log() {
        Matrix.Session user = Matrix.registerFresh("notadmin");
        Matrix.as(user).get(SECURITY + "/events").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        Matrix.as(user).get(SECURITY + "/ip/reputation/192.0.2.1").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        RestAssured.get(SECURITY + "/events").then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
    }
}
