package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Matrix.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

/** The seed's {@code GET /_synapse/admin/v1/status}. */
@QuarkusTest
class AdminStatusApiTest {
    static final String STATUS = "/_synapse/admin/v1/status";

    @Test
    void an_admin_sees_the_server_and_its_counts() {
        Matrix.Session admin = Matrix.registerAdmin("statusadmin");
        as(admin).get(STATUS).then().statusCode(200).body("status", equalTo("ok"))
                .body("server_version", startsWith("Zhihang "))
                .body("uptime_seconds", greaterThanOrEqualTo(0))
                .body("database", anyOf(equalTo("h2"), equalTo("postgresql")));
        // Other test classes share the database: the counts move by what this test does, not to a fixed number.
        // (The test classes run one after another, so nothing else registers or deactivates meanwhile.)
        Map<String, Integer> before = counts(admin);
        Matrix.Session alice = Matrix.registerFresh("statusalice");
        Rooms.create(alice, Map.of());
        Map<String, Integer> after = counts(admin);
        assertThat(after.get("users")).isEqualTo(before.get("users") + 1);
        assertThat(after.get("rooms")).isEqualTo(before.get("rooms") + 1);

        as(alice).body(Map.of("auth", Matrix.passwordAuth(alice, Matrix.PASSWORD, null)))
                .post(V3 + "/account/deactivate").then().statusCode(200);
        assertThat(counts(admin).get("users")).isEqualTo(before.get("users"));
    }

    @Test
    void the_server_notices_user_is_not_counted() {
        Matrix.Session admin = Matrix.registerAdmin("statusnotices");
        Matrix.Session alice = Matrix.registerFresh("statusnoticesalice");
        Map<String, Integer> before = counts(admin);
        as(admin).body(ServerNoticesApiTest.body(alice, "hello")).post(ServerNoticesApiTest.NOTICE).then()
                .statusCode(200);
        Map<String, Integer> after = counts(admin);
        assertThat(after.get("users")).isEqualTo(before.get("users"));
        assertThat(after.get("rooms")).isEqualTo(before.get("rooms") + 1);
    }

    @Test
    void only_admins_see_it() {
        Matrix.Session alice = Matrix.registerFresh("statususer");
        as(alice).get(STATUS).then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        json().get(STATUS).then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
    }

    static Map<String, Integer> counts(Matrix.Session admin) {
        var body = as(admin).get(STATUS).then().statusCode(200).extract().jsonPath();
        return Map.of("users", body.getInt("users"), "rooms", body.getInt("rooms"));
    }
}
