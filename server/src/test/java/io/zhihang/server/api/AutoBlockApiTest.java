package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.AdminSecurity.SECURITY;
import static io.zhihang.server.api.AdminSecurity.as;
import static io.zhihang.server.api.AdminSecurity.freshNet;
import static io.zhihang.server.api.AdminSecurity.from;
import static io.zhihang.server.api.Matrix.V3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Automatic blocking (off by default): an address whose reputation falls to the threshold is blocked, and logged. */
@QuarkusTest
@TestProfile(AutoBlockProfile.class)
class AutoBlockApiTest {

    private static int failLogin(String user, String address) {
        return from(address).body(Map.of("type", "m.login.password",
                        "identifier", Map.of("type", "m.id.user", "user", user), "password", "wrong"))
                .post(V3 + "/login").then().extract().statusCode();
    }

    @Test
    void failed_logins_lower_the_reputation_until_the_address_is_blocked_and_the_block_is_logged() {
        Matrix.Session admin = Matrix.registerAdmin("autoadmin");
        Matrix.Session alice = Matrix.registerFresh("autoalice");
        String attacker = freshNet() + ".9";
        String neighbour = freshNet() + ".10";

        for (int i = 0; i < 3; i++) {
            assertThat(failLogin(alice.userId(), attacker)).isEqualTo(403);
        }
        as(admin).get(SECURITY + "/ip/reputation/" + attacker).then().statusCode(200)
                .body("score", equalTo(70)).body("blocked", equalTo(false));
        assertThat(failLogin(alice.userId(), attacker)).as("the fourth failure, still answered").isEqualTo(403);

        from(attacker).get("/_matrix/client/versions").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"))
                .body("error", equalTo("Requests from your address are blocked"));
        from(neighbour).get("/_matrix/client/versions").then().statusCode(200);
        List<Map<String, Object>> blocks = as(admin).get(SECURITY + "/ip/blocks").then().statusCode(200).extract()
                .jsonPath().getList("blocks");
        assertThat(blocks).anySatisfy(block -> {
            assertThat(block.get("ip").toString()).startsWith(attacker);
            assertThat(block).containsEntry("automatic", true);
        });
        List<Map<String, Object>> logged = AdminSecurity.events(admin, "type=auto_block&ip=" + attacker, 1);
        assertThat(logged).hasSize(1);
        assertThat(logged.getFirst().get("details").toString()).contains("score=60");
    }
}
