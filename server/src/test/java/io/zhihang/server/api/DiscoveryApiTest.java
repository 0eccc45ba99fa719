package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static io.zhihang.server.api.Matrix.V3;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class DiscoveryApiTest {

    @Test
    void versions_lists_spec_versions_matrix_js_sdk_accepts() {
        RestAssured.get("/_matrix/client/versions").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .body("versions", hasItem("v1.1"))
                .body("versions", hasItem("v1.11"))
                .body("versions", hasItem("r0.6.1"))
                .body("unstable_features", equalTo(java.util.Map.of("org.matrix.msc4140", true)));
    }

    @Test
    void well_known_names_the_base_url() {
        RestAssured.get("/.well-known/matrix/client").then().statusCode(200)
                .body("'m.homeserver'.base_url", startsWith("http"));
    }

    @Test
    void capabilities_need_a_token_and_advertise_password_change() {
        RestAssured.get(V3 + "/capabilities").then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
        Matrix.as(Matrix.registerFresh("caps")).get(V3 + "/capabilities").then().statusCode(200)
                .body("capabilities.'m.change_password'.enabled", equalTo(true))
                .body("capabilities.'m.set_displayname'.enabled", equalTo(true))
                .body("capabilities.'m.room_versions'.default", equalTo("11"))
                .body("capabilities.'m.room_versions'.available.'10'", equalTo("stable"));
    }

    @Test
    void unknown_endpoints_are_unrecognized_json() {
        RestAssured.get(V3 + "/no/such/thing").then().statusCode(404)
                .contentType(containsString("application/json"))
                .body("errcode", equalTo("M_UNRECOGNIZED"));
        RestAssured.get("/_matrix/client/unstable/org.matrix.msc4143/rtc/transports").then().statusCode(404)
                .body("errcode", equalTo("M_UNRECOGNIZED"));
        RestAssured.get("/totally/elsewhere").then().statusCode(404).body("errcode", equalTo("M_UNRECOGNIZED"));
    }

    @Test
    void wrong_method_is_405_unrecognized() {
        RestAssured.delete(V3 + "/login").then().statusCode(405).body("errcode", equalTo("M_UNRECOGNIZED"));
    }

    @Test
    void cors_preflight_is_answered_everywhere() {
        RestAssured.given().header("Origin", "https://app.element.io")
                .header("Access-Control-Request-Method", "POST")
                .options(V3 + "/login").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
    }

    @Test
    void health_metrics_and_openapi_are_served() {
        RestAssured.get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.get(V3 + "/login").then().statusCode(200);
        RestAssured.get(V3 + "/rooms/!nowhere:localhost/state").then().statusCode(401);
        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests"))
                // refused requests are counted under their route template too, not their raw path
                .body(containsString("uri=\"/_matrix/client/v3/rooms/{roomId}/state\""))
                .body(containsString("group=\"auth\""))
                .body(containsString("agroal_"));
        RestAssured.get("/q/openapi").then().statusCode(200).body(containsString("/_matrix/client"));
    }

    @Test
    void without_a_turn_server_clients_are_told_there_is_none() {
        Matrix.as(Matrix.registerFresh("noturn")).get(V3 + "/voip/turnServer").then().statusCode(200)
                .body("size()", equalTo(0));
    }
}
