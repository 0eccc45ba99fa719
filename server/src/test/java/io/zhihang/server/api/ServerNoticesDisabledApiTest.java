package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.zhihang.server.api.Matrix.as;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@TestProfile(ServerNoticesDisabledProfile.class)
class ServerNoticesDisabledApiTest {

    @Test
    void a_notice_is_refused_as_synapse_does_without_a_server_notices_section() {
        Matrix.Session admin = Matrix.registerAdmin("noticeoff");
        Matrix.Session alice = Matrix.registerFresh("noticeoffalice");
        as(admin).body(ServerNoticesApiTest.body(alice, "hello")).post(ServerNoticesApiTest.NOTICE).then()
                .statusCode(400).body("errcode", equalTo("M_UNKNOWN"))
                .body("error", equalTo("Server notices are not enabled on this server"));
        as(alice).body(ServerNoticesApiTest.body(alice, "hello")).post(ServerNoticesApiTest.NOTICE).then()
                .statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
    }
}
