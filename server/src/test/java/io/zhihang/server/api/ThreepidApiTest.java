package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.zhihang.server.api.Matrix.R0;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Matrix.json;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/** Third-party identifiers on a server with no email, SMS or identity server: clear refusals, never a 404. */
@QuarkusTest
class ThreepidApiTest {

    @Test
    void an_account_has_no_third_party_identifiers() {
        Matrix.Session alice = Matrix.registerFresh("tp");
        as(alice).get(V3 + "/account/3pid").then().statusCode(200).body("threepids", empty());
        as(alice).get(R0 + "/account/3pid").then().statusCode(200).body("threepids", empty());
        json().get(V3 + "/account/3pid").then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
    }

    @Test
    void adding_or_deleting_one_is_refused_as_synapse_does_with_3pid_changes_off() {
        Matrix.Session alice = Matrix.registerFresh("tpadd");
        as(alice).body(Map.of("client_secret", "secret", "sid", "sid")).post(V3 + "/account/3pid/add")
                .then().statusCode(400).body("errcode", equalTo("M_FORBIDDEN"));
        as(alice).body(Map.of("three_pid_creds", Map.of("client_secret", "secret", "sid", "sid")))
                .post(V3 + "/account/3pid").then().statusCode(400).body("errcode", equalTo("M_FORBIDDEN"));
        as(alice).body(Map.of("medium", "email", "address", "alice@example.org")).post(V3 + "/account/3pid/delete")
                .then().statusCode(400).body("errcode", equalTo("M_FORBIDDEN"));
        json().body(Map.of("client_secret", "secret", "email", "a@example.org", "send_attempt", 1))
                .post(V3 + "/account/3pid/email/requestToken")
                .then().statusCode(400).body("errcode", equalTo("M_FORBIDDEN"));
        json().body(Map.of("medium", "email", "address", "a@example.org")).post(V3 + "/account/3pid/delete")
                .then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
    }

    @Test
    void binding_through_an_identity_server_is_refused_and_unbinding_has_nothing_to_do() {
        Matrix.Session alice = Matrix.registerFresh("tpbind");
        as(alice).body(Map.of("client_secret", "secret", "sid", "sid", "id_server", "id.example.org",
                        "id_access_token", "token"))
                .post(V3 + "/account/3pid/bind").then().statusCode(400).body("errcode", equalTo("M_SERVER_NOT_TRUSTED"));
        as(alice).body(Map.of("medium", "email", "address", "alice@example.org")).post(V3 + "/account/3pid/unbind")
                .then().statusCode(200).body("id_server_unbind_result", equalTo("no-support"));
    }

    @Test
    void verification_tokens_cannot_be_asked_for() {
        Map<String, Object> email = Map.of("client_secret", "secret", "email", "a@example.org", "send_attempt", 1);
        json().body(email).post(V3 + "/register/email/requestToken")
                .then().statusCode(400).body("errcode", equalTo("M_THREEPID_MEDIUM_NOT_SUPPORTED"));
        json().body(Map.of("client_secret", "secret", "country", "GB", "phone_number", "07700900001",
                        "send_attempt", 1))
                .post(V3 + "/register/msisdn/requestToken")
                .then().statusCode(400).body("errcode", equalTo("M_THREEPID_MEDIUM_NOT_SUPPORTED"));
        json().body(email).post(V3 + "/account/password/email/requestToken")
                .then().statusCode(400).body("errcode", equalTo("M_THREEPID_MEDIUM_NOT_SUPPORTED"));
        json().body(email).post(V3 + "/register/carrier-pigeon/requestToken")
                .then().statusCode(404).body("errcode", equalTo("M_UNRECOGNIZED"));
    }
}
