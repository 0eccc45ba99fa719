package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.AdminSecurity.SECURITY;
import static io.zhihang.server.api.AdminSecurity.as;
import static io.zhihang.server.api.AdminSecurity.block;
import static io.zhihang.server.api.AdminSecurity.freshNet;
import static io.zhihang.server.api.AdminSecurity.from;
import static io.zhihang.server.api.AdminSecurity.unblock;
import static io.zhihang.server.api.Matrix.PASSWORD;
import static io.zhihang.server.api.Matrix.V3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@TestProfile(TrustedProxyProfile.class)
class IpBlocksApiTest {
    @Inject
    TestClock clock;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void a_blocked_range_is_refused_on_every_path_family_before_any_work() {
        Matrix.Session admin = Matrix.registerAdmin("ipadmin");
        String net = freshNet();
        block(admin, Map.of("ip", net + ".0/24", "reason", "abuse")).statusCode(200)
                .body("ip", equalTo(net + ".0/24")).body("reason", equalTo("abuse")).body("active", equalTo(true));
        String inside = net + ".77";

        String name = Matrix.freshName("blocked");
        from(inside).body(Map.of("username", name, "password", PASSWORD, "auth", Map.of("type", "m.login.dummy")))
                .post(V3 + "/register").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        RestAssured.get(V3 + "/register/available?username=" + name).then().statusCode(200)
                .body("available", equalTo(true));

        for (String path : List.of("/_matrix/client/versions", "/_matrix/media/v3/config",
                "/_matrix/client/v1/media/config", SECURITY + "/ip/blocks", "/api/messages/send",
                "/.well-known/matrix/client", "/no/such/path")) {
            as(admin, inside).get(path).then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        }
        as(admin, inside).body(Map.of("content", "hi")).post("/api/messages/send").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        from(net.substring(0, net.lastIndexOf('.')) + ".0.1").get("/_matrix/client/versions").then().statusCode(200);

        // refusals are logged, at most one row per address per minute
        var logged = AdminSecurity.events(admin, "type=blocked_address&ip=" + inside, 1);
        assertThat(logged).hasSize(1);
        assertThat(logged.getFirst()).containsEntry("target", net + ".0/24");
        unblock(admin, net + ".0/24");
        from(inside).get("/_matrix/client/versions").then().statusCode(200);
    }

    @Test
    void an_expired_block_lets_traffic_through() {
        Matrix.Session admin = Matrix.registerAdmin("ipadmin");
        String address = freshNet() + ".9";
        clock.freeze();
        block(admin, Map.of("ip", address, "duration_ms", 60_000)).statusCode(200)
                .body("ip", equalTo(address + "/32"));
        from(address).get("/_matrix/client/versions").then().statusCode(403);
        clock.advance(Duration.ofSeconds(61));
        from(address).get("/_matrix/client/versions").then().statusCode(200);
        as(admin).get(SECURITY + "/ip/blocks").then().statusCode(200)
                .body("blocks.find { it.ip == '" + address + "/32' }.active", equalTo(false));
    }

    @Test
    void ipv6_addresses_and_ranges_are_blocked() {
        Matrix.Session admin = Matrix.registerAdmin("ipadmin");
        String prefix = "2001:db8:" + Integer.toHexString(freshNet().hashCode() & 0xffff);
        block(admin, Map.of("ip", prefix + "::1")).statusCode(200).body("ip", equalTo(prefix + ":0:0:0:0:1/128"));
        from(prefix + "::1").get("/_matrix/client/versions").then().statusCode(403);
        from(prefix + "::2").get("/_matrix/client/versions").then().statusCode(200);
        block(admin, Map.of("cidr", prefix + "::/48")).statusCode(200);
        from(prefix + ":ffff::2").get("/_matrix/client/versions").then().statusCode(403);
        unblock(admin, prefix + "::/48");
        unblock(admin, prefix + "::1");
        from(prefix + "::1").get("/_matrix/client/versions").then().statusCode(200);
    }

    @Test
    void an_admin_cannot_block_their_own_address_unless_forced_and_each_change_is_audited() {
        Matrix.Session admin = Matrix.registerAdmin("ipadmin");
        String net = freshNet();
        String own = net + ".5";
        as(admin, own).body(Map.of("ip", net + ".0/24")).post(SECURITY + "/ip/block").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        as(admin, own).body(Map.of("ip", net + ".0/24", "force", true)).post(SECURITY + "/ip/block").then()
                .statusCode(200);
        as(admin, own).get(SECURITY + "/ip/blocks").then().statusCode(403);
        as(admin).get(SECURITY + "/ip/blocks").then().statusCode(200)
                .body("blocks.ip", hasItem(net + ".0/24"));
        unblock(admin, net + ".0/24");
        as(admin, own).get(SECURITY + "/ip/blocks").then().statusCode(200);

        var audit = AdminSecurity.events(admin, "type=admin_action&user_id=" + admin.userId(), 2);
        assertThat(audit).extracting(e -> e.get("action")).containsExactly("unblock_ip", "block_ip");
        assertThat(audit).extracting(e -> e.get("target")).containsOnly(net + ".0/24");
        assertThat(audit.get(1)).containsEntry("ip", own);
    }

    @Test
    void loopback_is_exempt_by_default() {
        Matrix.Session admin = Matrix.registerAdmin("ipadmin");
        block(admin, Map.of("ip", "127.0.0.0/8", "force", true)).statusCode(200);
        try {
            RestAssured.get("/_matrix/client/versions").then().statusCode(200);
        } finally {
            unblock(admin, "127.0.0.0/8");
        }
    }

    @Test
    void bad_requests_and_unknown_blocks_are_refused() {
        Matrix.Session admin = Matrix.registerAdmin("ipadmin");
        block(admin, Map.of("ip", "not-an-ip")).statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        block(admin, Map.of("ip", "10.0.0.0/33")).statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        block(admin, Map.of("reason", "no address")).statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
        block(admin, Map.of("ip", freshNet() + ".1", "expires_ts", 1000)).statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(admin).body(Map.of("ip", freshNet() + ".0/24")).post(SECURITY + "/ip/unblock").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
    }

    @Test
    void only_server_admins_may_use_the_block_endpoints() {
        Matrix.Session user = Matrix.registerFresh("notadmin");
        String address = freshNet() + ".1";
        Matrix.as(user).get(SECURITY + "/ip/blocks").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        Matrix.as(user).body(Map.of("ip", address)).post(SECURITY + "/ip/block").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        Matrix.as(user).body(Map.of("ip", address)).post(SECURITY + "/ip/unblock").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        from(address).get("/_matrix/client/versions").then().statusCode(200);
        RestAssured.get(SECURITY + "/ip/blocks").then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
    }
}
