package io.zhihang.server;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The packaged {@code quarkus-run.jar}, started as an operator would, serves accounts and never logs secrets. */
@QuarkusIntegrationTest
class PackagedServerIT {

    @Test
    void the_packaged_server_registers_and_authenticates_without_logging_secrets() throws Exception {
        RestAssured.get("/_matrix/client/versions").then().statusCode(200).body("versions", hasItem("v1.1"));
        String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "S3cret-" + UUID.randomUUID();
        String token = RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", password, "auth", Map.of("type", "m.login.dummy")))
                .post("/_matrix/client/v3/register").then().statusCode(200).extract().path("access_token");
        RestAssured.given().header("Authorization", "Bearer " + token).get("/_matrix/client/v3/account/whoami")
                .then().statusCode(200).body("user_id", equalTo("@" + name + ":localhost"));
        RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("type", "m.login.password", "user", name, "password", "wrong-" + password))
                .post("/_matrix/client/v3/login").then().statusCode(403);
        RestAssured.get("/_matrix/client/v3/account/whoami?access_token=" + token).then().statusCode(200);

        Path log = Path.of("target", "quarkus.log");
        assertThat(log).exists();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(output).contains("started in").doesNotContain(password).doesNotContain(token);
    }
}
