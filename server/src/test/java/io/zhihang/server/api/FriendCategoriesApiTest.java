package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Friends.ROOT;
import static io.zhihang.server.api.Matrix.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Friend categories: names unique whatever the case, bounded, friends only; shown in the friend list. */
@QuarkusTest
class FriendCategoriesApiTest {

    private static String categories(Matrix.Session of) {
        return ROOT + "/friend/categories/" + of.userId();
    }

    @Test
    void categories_are_created_renamed_filled_and_deleted() {
        Matrix.Session alice = Matrix.registerFresh("fca");
        Matrix.Session bob = Matrix.registerFresh("fca");
        Matrix.Session carol = Matrix.registerFresh("fca");
        Matrix.Session stranger = Matrix.registerFresh("fca");
        Friends.befriend(alice, bob);
        Friends.befriend(alice, carol);

        as(alice).body(Map.of("name", "  Work ", "members", List.of(bob.userId()))).post(categories(alice)).then()
                .statusCode(200).body("name", equalTo("Work")).body("count", equalTo(1));
        as(alice).body(Map.of("name", "WORK")).post(categories(alice)).then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of("name", "x".repeat(65))).post(categories(alice)).then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of("name", "Climbing", "members", List.of(stranger.userId()))).post(categories(alice))
                .then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));

        as(alice).body(Map.of("name", "Colleagues", "add", List.of(carol.userId()), "remove", List.of(bob.userId())))
                .put(categories(alice) + "/work").then().statusCode(200).body("name", equalTo("Colleagues"))
                .body("members", equalTo(List.of(carol.userId())));
        as(alice).body(Map.of("add", List.of(stranger.userId()))).put(categories(alice) + "/Colleagues").then()
                .statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of()).put(categories(alice) + "/Nope").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));

        var list = as(alice).get(categories(alice)).then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("categories.name", String.class)).containsExactly("Colleagues");
        assertThat(as(alice).get(ROOT + "/friends/" + alice.userId()).then().statusCode(200).extract().jsonPath()
                .getList("friends.find { it.user_id == '" + carol.userId() + "' }.categories", String.class))
                .containsExactly("Colleagues");

        as(carol).delete(ROOT + "/friends/" + carol.userId() + "/" + alice.userId()).then().statusCode(200);
        assertThat(as(alice).get(categories(alice)).then().statusCode(200).extract().jsonPath()
                .getList("categories[0].members")).as("an ex-friend leaves the categories").isEmpty();

        as(alice).delete(categories(alice) + "/colleagues").then().statusCode(200);
        as(alice).delete(categories(alice) + "/colleagues").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        assertThat(as(alice).get(categories(alice)).then().statusCode(200).extract().jsonPath()
                .getList("categories")).isEmpty();
        as(bob).body(Map.of("name", "Mine")).post(categories(alice)).then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
    }
}
