package io.zhihang.server.api;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Helpers of the security tools' tests: requests from other addresses (through the trusted proxy), the admin API. */
final class AdminSecurity {
    static final String SECURITY = "/_synapse/admin/v1/security";

    private AdminSecurity() {
    }

    /** A /24 of the benchmarking range 198.18.0.0/15 nobody else in this run uses, as {@code a.b.c} (no last octet). */
    static String freshNet() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "198." + (18 + r.nextInt(2)) + "." + r.nextInt(256);
    }

    static RequestSpecification from(String address) {
        return Matrix.json().header("X-Forwarded-For", address);
    }

    static RequestSpecification as(Matrix.Session session) {
        return Matrix.as(session);
    }

    static RequestSpecification as(Matrix.Session session, String address) {
        return Matrix.as(session).header("X-Forwarded-For", address);
    }

    static ValidatableResponse block(Matrix.Session admin, Map<String, Object> body) {
        return as(admin).body(body).post(SECURITY + "/ip/block").then();
    }

    static void unblock(Matrix.Session admin, String range) {
        as(admin).body(Map.of("ip", range)).post(SECURITY + "/ip/unblock").then().statusCode(200);
    }

    /** The security events matching the query, waiting (bounded) until there are at least {@code atLeast}. */
    static List<Map<String, Object>> events(Matrix.Session admin, String query, int atLeast) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            List<Map<String, Object>> events = as(admin).get(SECURITY + "/events?" + query).then().statusCode(200)
                    .extract().jsonPath().getList("events");
            if (events.size() >= atLeast || Instant.now().isAfter(deadline)) {
                return events;
            }
            Thread.onSpinWait();
        }
    }
}
