package io.zhihang.server.api;

import io.restassured.response.ValidatableResponse;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.as;

/**
 * Calls of the friend API ({@code /_synapse/enhanced/friend…}) for the API tests, and Element's side of a block:
 * the ignore list a client writes itself.
 */
final class Friends {
    static final String ROOT = "/_synapse/enhanced";

    private Friends() {
    }

    /** {@code user}'s client sets its {@code m.ignored_user_list} to exactly {@code ignored}, as Element does. */
    static void ignore(Matrix.Session user, String... ignored) {
        Map<String, Object> users = new java.util.LinkedHashMap<>();
        for (String id : ignored) {
            users.put(id, Map.of());
        }
        as(user).body(Map.of("ignored_users", users))
                .put(Matrix.V3 + "/user/" + user.userId() + "/account_data/m.ignored_user_list").then()
                .statusCode(200);
    }

    static ValidatableResponse request(Matrix.Session from, Matrix.Session to) {
        return as(from).body(Map.of()).post(ROOT + "/friend/request/" + to.userId()).then();
    }

    static String requestId(Matrix.Session from, Matrix.Session to) {
        return request(from, to).statusCode(200).extract().path("request_id");
    }

    static ValidatableResponse accept(Matrix.Session by, String requestId) {
        return as(by).post(ROOT + "/friend/request/" + requestId + "/accept").then();
    }

    /** Makes the two friends; returns their direct chat. */
    static String befriend(Matrix.Session a, Matrix.Session b) {
        return accept(b, requestId(a, b)).statusCode(200).extract().path("room_id");
    }

    static List<String> friendIds(Matrix.Session of) {
        return as(of).get(ROOT + "/friends/" + of.userId()).then().statusCode(200).extract()
                .jsonPath().getList("friends.user_id", String.class);
    }

    static ValidatableResponse block(Matrix.Session by, Matrix.Session target) {
        return as(by).body(Map.of("user_id", target.userId())).post(ROOT + "/friend/blocks/" + by.userId()).then();
    }
}
