package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Matrix.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

/** Who is behind an account: for a server admin, or for the user themselves. */
@QuarkusTest
class WhoisApiTest {

    @Test
    void an_admin_sees_each_device_and_where_it_was_last_seen() {
        Matrix.Session admin = Matrix.registerAdmin("whoisadmin");
        Matrix.Session alice = Matrix.registerFresh("whoisalice");
        as(alice).get(V3 + "/account/whoami").then().statusCode(200);

        as(admin).get(V3 + "/admin/whois/" + alice.userId()).then().statusCode(200)
                .body("user_id", equalTo(alice.userId()))
                .body("devices", hasKey(alice.deviceId()))
                .body("devices." + alice.deviceId() + ".sessions[0].connections[0].ip", notNullValue())
                .body("devices." + alice.deviceId() + ".sessions[0].connections[0].last_seen", notNullValue());
        as(admin).get("/_synapse/admin/v1/whois/" + alice.userId()).then().statusCode(200)
                .body("devices", hasKey(alice.deviceId()));
    }

    @Test
    void a_user_may_look_themselves_up_but_nobody_else() {
        Matrix.Session alice = Matrix.registerFresh("whoisself");
        Matrix.Session bob = Matrix.registerFresh("whoisbob");
        as(alice).get(V3 + "/admin/whois/" + alice.userId()).then().statusCode(200)
                .body("devices", hasKey(alice.deviceId()));
        as(alice).get(V3 + "/admin/whois/" + bob.userId()).then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        json().get(V3 + "/admin/whois/" + bob.userId()).then().statusCode(401)
                .body("errcode", equalTo("M_MISSING_TOKEN"));
    }

    @Test
    void only_local_users_can_be_looked_up() {
        Matrix.Session admin = Matrix.registerAdmin("whoisremote");
        as(admin).get(V3 + "/admin/whois/@someone:elsewhere.example").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
    }
}
