package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.R0;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/** The push rules API: the ruleset, single rules, their enabled and actions, and every refusal. */
@QuarkusTest
class PushRulesApiTest {
    private static final String RULES = V3 + "/pushrules/global/";

    private static Map<String, Object> cake() {
        return Map.of("pattern", "cake*lie", "actions", List.of("notify"));
    }

    @Test
    void the_ruleset_is_served_at_the_trailing_slash_and_holds_the_server_defaults() {
        Matrix.Session alice = Matrix.registerFresh("prs");

        var all = as(alice).get(V3 + "/pushrules/").then().statusCode(200)
                .body("global.keySet()", hasItem("override"))
                .body("global.override[0].rule_id", equalTo(".m.rule.master"))
                .body("global.override[0].default", equalTo(true))
                .body("global.override[0].enabled", equalTo(false))
                .body("global.content[0].rule_id", equalTo(".m.rule.contains_user_name"))
                .body("global.content[0].pattern", equalTo(alice.localpart()))
                .body("global.content[0]", not(hasKey("conditions")))
                .body("global.room", equalTo(List.of()))
                .body("global.sender", equalTo(List.of()))
                .extract().jsonPath();
        assertThat(all.getList("global.underride.rule_id", String.class)).containsExactly(".m.rule.call",
                ".m.rule.encrypted_room_one_to_one", ".m.rule.room_one_to_one", ".m.rule.message",
                ".m.rule.encrypted");
        assertThat(all.getList("global.override.find { it.rule_id == '.m.rule.invite_for_me' }.conditions.pattern",
                String.class)).contains(alice.userId());

        as(alice).get(R0 + "/pushrules/").then().statusCode(200).body("global.underride[3].rule_id",
                equalTo(".m.rule.message"));
        as(alice).get(RULES).then().statusCode(200).body("content[0].rule_id", equalTo(".m.rule.contains_user_name"))
                .body("$", not(hasKey("global")));
        as(alice).get(RULES + "underride/").then().statusCode(200).body("[4].rule_id", equalTo(".m.rule.encrypted"));
        as(alice).get(RULES + "sender/").then().statusCode(200).body("$", equalTo(List.of()));
    }

    @Test
    void a_rule_is_added_read_changed_and_deleted() {
        Matrix.Session alice = Matrix.registerFresh("prc");

        as(alice).body(cake()).put(RULES + "content/nocake").then().statusCode(200).body("$", equalTo(Map.of()));
        as(alice).get(RULES + "content/nocake").then().statusCode(200)
                .body("rule_id", equalTo("nocake")).body("pattern", equalTo("cake*lie"))
                .body("default", equalTo(false)).body("enabled", equalTo(true))
                .body("actions", equalTo(List.of("notify")));
        as(alice).get(V3 + "/pushrules/").then().statusCode(200)
                .body("global.content.rule_id", equalTo(List.of("nocake", ".m.rule.contains_user_name")));

        as(alice).body(Map.of("enabled", false)).put(RULES + "content/nocake/enabled").then().statusCode(200);
        as(alice).get(RULES + "content/nocake/enabled").then().statusCode(200).body("enabled", equalTo(false));
        as(alice).body(Map.of("actions", List.of("notify", Map.of("set_tweak", "sound", "value", "bing"))))
                .put(RULES + "content/nocake/actions").then().statusCode(200);
        as(alice).get(RULES + "content/nocake/actions").then().statusCode(200)
                .body("actions[1].value", equalTo("bing"));

        as(alice).delete(RULES + "content/nocake").then().statusCode(200);
        as(alice).get(RULES + "content/nocake").then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
    }

    @Test
    void before_and_after_place_new_rules_among_the_users_rules() {
        Matrix.Session alice = Matrix.registerFresh("pro");
        Map<String, Object> rule = Map.of("conditions", List.of(Map.of("kind", "event_match", "key", "content.body",
                "pattern", "beer")), "actions", List.of("notify"));

        as(alice).body(rule).put(RULES + "override/a").then().statusCode(200);
        as(alice).body(rule).put(RULES + "override/b").then().statusCode(200);
        as(alice).body(rule).queryParam("after", "a").put(RULES + "override/c").then().statusCode(200);
        as(alice).body(rule).queryParam("before", "b").put(RULES + "override/d").then().statusCode(200);

        var ids = as(alice).get(V3 + "/pushrules/").then().statusCode(200).extract().jsonPath()
                .getList("global.override.rule_id", String.class);
        assertThat(ids.subList(0, 5)).containsExactly(".m.rule.master", "d", "b", "a", "c");
        as(alice).body(rule).queryParam("before", "nope").put(RULES + "override/e").then().statusCode(400)
                .body("errcode", equalTo("M_UNKNOWN"));
        as(alice).body(rule).queryParam("after", ".m.rule.master").put(RULES + "override/e").then().statusCode(400);
    }

    @Test
    void server_default_rules_can_be_enabled_and_given_actions_but_not_replaced_or_deleted() {
        Matrix.Session alice = Matrix.registerFresh("prd");

        as(alice).body(Map.of("enabled", true)).put(RULES + "override/.m.rule.master/enabled").then().statusCode(200);
        as(alice).get(RULES + "override/.m.rule.master").then().statusCode(200)
                .body("enabled", equalTo(true)).body("default", equalTo(true));
        as(alice).body(Map.of("actions", List.of())).put(RULES + "underride/.m.rule.message/actions")
                .then().statusCode(200);
        as(alice).get(RULES + "underride/.m.rule.message/actions").then().statusCode(200)
                .body("actions", equalTo(List.of()));

        as(alice).body(Map.of("conditions", List.of(), "actions", List.of())).put(RULES + "override/.m.rule.master")
                .then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of("actions", List.of())).put(RULES + "override/.my.own").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).delete(RULES + "underride/.m.rule.message").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
    }

    @Test
    void room_and_sender_rules_are_named_by_their_room_and_user() {
        Matrix.Session alice = Matrix.registerFresh("prr");
        String roomId = Rooms.create(alice, Map.of());

        as(alice).body(Map.of("actions", List.of())).put(RULES + "room/{roomId}", roomId).then().statusCode(200);
        as(alice).body(Map.of("actions", List.of("notify"))).put(RULES + "sender/{userId}", "@spam:localhost")
                .then().statusCode(200);

        as(alice).get(V3 + "/pushrules/").then().statusCode(200)
                .body("global.room[0].rule_id", equalTo(roomId))
                .body("global.room[0]", not(hasKey("conditions")))
                .body("global.sender[0].rule_id", equalTo("@spam:localhost"));
    }

    @Test
    void unknown_rules_are_not_found() {
        Matrix.Session alice = Matrix.registerFresh("prn");

        as(alice).get(RULES + "override/nothing").then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).delete(RULES + "override/nothing").then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).body(Map.of("enabled", true)).put(RULES + "override/nothing/enabled").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).body(Map.of("actions", List.of())).put(RULES + "override/nothing/actions").then().statusCode(404);
        as(alice).get(RULES + "override/nothing/actions").then().statusCode(404);
        as(alice).get(RULES + "content/.m.rule.master").then().statusCode(404);
    }

    @Test
    void bad_bodies_and_paths_are_refused() {
        Matrix.Session alice = Matrix.registerFresh("prb");

        as(alice).body(Map.of("pattern", "x")).put(RULES + "content/r").then().statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body(Map.of("actions", List.of())).put(RULES + "content/r").then().statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body(Map.of("actions", List.of("dance"))).put(RULES + "room/r").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of("conditions", List.of(Map.of("key", "type")), "actions", List.of()))
                .put(RULES + "override/r").then().statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body("not json").put(RULES + "override/r").then().statusCode(400)
                .body("errcode", equalTo("M_NOT_JSON"));
        as(alice).body(Map.of("actions", List.of())).put(RULES + "sometimes/r").then().statusCode(400)
                .body("errcode", equalTo("M_UNKNOWN"));
        as(alice).get(RULES + "sometimes/r").then().statusCode(400).body("errcode", equalTo("M_UNRECOGNIZED"));
        as(alice).body(Map.of("enabled", "yes")).put(RULES + "override/.m.rule.master/enabled").then().statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body(Map.of()).put(RULES + "override/.m.rule.master/enabled").then().statusCode(400);
        as(alice).body(Map.of("actions", "notify")).put(RULES + "override/.m.rule.master/actions").then()
                .statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        RestAssured.get(V3 + "/pushrules/").then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
    }

    @Test
    void unknown_conditions_are_kept_and_never_match() {
        Matrix.Session alice = Matrix.registerFresh("pru");
        Map<String, Object> odd = Map.of("kind", "org.example.moon", "phase", "full");

        as(alice).body(Map.of("conditions", List.of(odd), "actions", List.of("notify"))).put(RULES + "override/moon")
                .then().statusCode(200);
        as(alice).get(RULES + "override/moon").then().statusCode(200).body("conditions[0]", equalTo(odd));
    }

    @Test
    void paths_are_read_as_synapse_reads_them_trailing_slashes_included() {
        Matrix.Session alice = Matrix.registerFresh("prp");
        as(alice).body(cake()).put(RULES + "content/nocake").then().statusCode(200);

        as(alice).get(V3 + "/pushrules").then().statusCode(404).body("errcode", equalTo("M_UNRECOGNIZED"));
        for (String missingSlash : List.of("/pushrules/global", "/pushrules/global/override")) {
            as(alice).get(V3 + missingSlash).then().statusCode(400).body("errcode", equalTo("M_UNRECOGNIZED"))
                    .body("error", equalTo("Unrecognised request: You probably wanted a trailing slash"));
        }
        for (String unrecognized : List.of("/pushrules/device/", "/pushrules/device/x/override/",
                "/pushrules/global/sometimes/", "/pushrules/global/content/nocake/",
                "/pushrules/global/content/nocake/colour")) {
            as(alice).get(V3 + unrecognized).then().statusCode(400).body("errcode", equalTo("M_UNRECOGNIZED"));
        }
        as(alice).get(R0 + "/pushrules/global/").then().statusCode(200)
                .body("content[0].rule_id", equalTo("nocake"));
        as(alice).get(RULES + "content/nocake/pattern").then().statusCode(200)
                .body("$", equalTo(Map.of("pattern", "cake*lie")));
        as(alice).get(RULES + "content/nocake/default").then().statusCode(200)
                .body("$", equalTo(Map.of("default", false)));
        as(alice).get(RULES + "override/.m.rule.master/enabled").then().statusCode(200)
                .body("$", equalTo(Map.of("enabled", false)));

        for (String noRule : List.of("/pushrules/", "/pushrules/device/override/r", "/pushrules/global",
                "/pushrules/global/", "/pushrules/global/override", "/pushrules/global/override/")) {
            as(alice).body(cake()).put(V3 + noRule).then().statusCode(400).body("errcode", equalTo("M_UNRECOGNIZED"));
            as(alice).delete(V3 + noRule).then().statusCode(400).body("errcode", equalTo("M_UNRECOGNIZED"));
        }
        as(alice).body(cake()).put(V3 + "/pushrules").then().statusCode(404).body("errcode", equalTo("M_UNRECOGNIZED"));
        as(alice).body(Map.of("pattern", "x")).put(RULES + "content/nocake/pattern").then().statusCode(400)
                .body("errcode", equalTo("M_UNRECOGNIZED"));
        as(alice).delete(RULES + "sometimes/nocake").then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).delete(RULES + "content/nocake/enabled").then().statusCode(400)
                .body("errcode", equalTo("M_UNRECOGNIZED"));
        as(alice).get(RULES + "content/nocake").then().statusCode(200);

        as(alice).body(Map.of("enabled", false)).put(RULES + "content/nocake/enabled/").then().statusCode(200);
        as(alice).get(RULES + "content/nocake/enabled").then().body("enabled", equalTo(false));
        as(alice).body(cake()).put(RULES + "content/nocake/").then().statusCode(200);
        as(alice).delete(RULES + "content/nocake/").then().statusCode(200);
        as(alice).get(RULES + "content/nocake").then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
    }
}
