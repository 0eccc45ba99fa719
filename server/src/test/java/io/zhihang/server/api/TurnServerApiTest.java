package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static io.zhihang.server.api.Matrix.R0;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Matrix.json;
import static org.hamcrest.Matchers.equalTo;

/** A TURN server with coturn's shared secret: each caller gets its own credentials, valid for the configured time. */
@QuarkusTest
@TestProfile(ControlledClockProfile.class)
class TurnServerApiTest {
    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.release();
    }

    @Test
    void a_caller_gets_time_limited_credentials_the_turn_server_can_check() throws Exception {
        Matrix.Session alice = Matrix.registerFresh("caller");
        Instant now = clock.freeze();
        String username = now.plus(Duration.ofHours(2)).getEpochSecond() + ":" + alice.userId();
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(ControlledClockProfile.TURN_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String password = Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));

        as(alice).get(V3 + "/voip/turnServer").then().statusCode(200)
                .body("username", equalTo(username))
                .body("password", equalTo(password))
                .body("ttl", equalTo(7200))
                .body("uris", equalTo(List.of("turn:turn.example.org?transport=udp",
                        "turns:turn.example.org:5349?transport=tcp")));
        as(alice).get(R0 + "/voip/turnServer").then().statusCode(200).body("username", equalTo(username));
    }

    @Test
    void only_users_may_ask() {
        json().get(V3 + "/voip/turnServer").then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
    }
}
