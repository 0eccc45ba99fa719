package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.zhihang.server.api.Matrix.R0;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Matrix.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** OpenID tokens as widgets and Element Call use them: asked for by the user, exchanged for the user id only. */
@QuarkusTest
class OpenIdApiTest {
    private static final String USERINFO = "/_matrix/federation/v1/openid/userinfo";

    @Test
    void a_widget_learns_who_the_user_is_from_the_token() {
        Matrix.Session alice = Matrix.registerFresh("oid");
        String token = as(alice).body(Map.of()).post(V3 + "/user/" + alice.userId() + "/openid/request_token")
                .then().statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("matrix_server_name", equalTo("localhost"))
                .body("expires_in", equalTo(3600))
                .body("access_token", notNullValue())
                .extract().path("access_token");

        RestAssured.given().queryParam("access_token", token).get(USERINFO)
                .then().statusCode(200).body("sub", equalTo(alice.userId()));
    }

    @Test
    void the_token_opens_nothing_else() {
        Matrix.Session alice = Matrix.registerFresh("oidscope");
        String token = as(alice).body(Map.of()).post(R0 + "/user/" + alice.userId() + "/openid/request_token")
                .then().statusCode(200).extract().path("access_token");
        RestAssured.given().header("Authorization", "Bearer " + token).get(V3 + "/account/whoami")
                .then().statusCode(401).body("errcode", equalTo("M_UNKNOWN_TOKEN"));
    }

    @Test
    void refusals() {
        Matrix.Session alice = Matrix.registerFresh("oidself");
        Matrix.Session bob = Matrix.registerFresh("oidother");
        as(alice).body(Map.of()).post(V3 + "/user/" + bob.userId() + "/openid/request_token")
                .then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        json().body(Map.of()).post(V3 + "/user/" + alice.userId() + "/openid/request_token")
                .then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
        RestAssured.given().queryParam("access_token", "not-a-token").get(USERINFO)
                .then().statusCode(401).body("errcode", equalTo("M_UNKNOWN_TOKEN"));
        RestAssured.given().queryParam("access_token", alice.accessToken()).get(USERINFO)
                .then().statusCode(401).body("errcode", equalTo("M_UNKNOWN_TOKEN"));
        RestAssured.given().get(USERINFO).then().statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
    }
}
