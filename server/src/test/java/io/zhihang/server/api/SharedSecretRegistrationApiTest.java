package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Bootstrapping an admin with Synapse's shared-secret registration (test secret: see application.properties). */
@QuarkusTest
class SharedSecretRegistrationApiTest {
    @Test
    void an_operator_creates_an_admin_with_the_shared_secret() {
        String name = Matrix.freshName("admin");
        String nonce = RestAssured.get("/_synapse/admin/v1/register").then().statusCode(200)
                .body("nonce", notNullValue()).extract().path("nonce");
        String token = json().body(Map.of("nonce", nonce, "username", name, "password", "admin pw", "admin", true,
                        "mac", mac(nonce, name, "admin pw", true)))
                .post("/_synapse/admin/v1/register").then().statusCode(200)
                .body("user_id", equalTo("@" + name + ":localhost"))
                .body("access_token", notNullValue())
                .extract().path("access_token");
        RestAssured.given().header("Authorization", "Bearer " + token).get(V3 + "/account/whoami")
                .then().statusCode(200).body("user_id", equalTo("@" + name + ":localhost"));
    }

    @Test
    void a_wrong_mac_or_a_reused_nonce_is_refused() {
        String name = Matrix.freshName("forger");
        String nonce = RestAssured.get("/_synapse/admin/v1/register").then().extract().path("nonce");
        json().body(Map.of("nonce", nonce, "username", name, "password", "pw", "admin", true,
                        "mac", mac(nonce, name, "pw", false)))
                .post("/_synapse/admin/v1/register").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        json().body(Map.of("nonce", nonce, "username", name, "password", "pw", "admin", false,
                        "mac", mac(nonce, name, "pw", false)))
                .post("/_synapse/admin/v1/register").then().statusCode(400).body("errcode", equalTo("M_UNKNOWN"));
    }

    private static String mac(String nonce, String user, String password, boolean admin) {
        return Matrix.sharedSecretMac(nonce, user, password, admin);
    }
}
