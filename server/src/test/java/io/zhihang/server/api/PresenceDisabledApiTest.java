package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@TestProfile(PresenceDisabledProfile.class)
class PresenceDisabledApiTest {

    @Test
    void updates_are_accepted_and_everyone_reads_as_offline() {
        Matrix.Session alice = Matrix.registerFresh("pd");
        Matrix.Session bob = Matrix.registerFresh("pdb");
        String status = V3 + "/presence/" + alice.userId() + "/status";
        as(alice).body(Map.of("presence", "online", "status_msg", "hi")).put(status).then().statusCode(200);
        as(alice).get(status).then().statusCode(200)
                .body("presence", equalTo("offline")).body("$", not(hasKey("status_msg")));
        as(bob).get(status).then().statusCode(200).body("presence", equalTo("offline"));
        as(bob).body(Map.of("presence", "online")).put(status)
                .then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
    }
}
