package io.zhihang.domain.push;

import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.domain.push.PushFixtures.ALICE;
import static io.zhihang.domain.push.PushFixtures.BOB_ID;
import static io.zhihang.domain.push.PushFixtures.ROOM;
import static io.zhihang.domain.push.PushFixtures.bobInGroup;
import static io.zhihang.domain.push.PushFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Bob's own rules: where they go, what they may change, how they win over the server's. */
class UserPushRulesTest {
    private static final Map<RuleKind, List<PushRule>> DEFAULTS = DefaultPushRules.forUser(BOB_ID);

    private static UserPushRules.NewRule body(RuleKind kind, String json) {
        return UserPushRules.NewRule.parse(kind, Json.parseObject(json));
    }

    private static final UserPushRules.NewRule CAKE = body(RuleKind.CONTENT,
            "{\"pattern\": \"cake\", \"actions\": [\"notify\", {\"set_tweak\": \"highlight\"}]}");
    private static final UserPushRules.NewRule QUIET = body(RuleKind.CONTENT, "{\"pattern\": \"x\", \"actions\": []}");

    private static List<String> ids(UserPushRules rules, RuleKind kind) {
        return rules.rulesOf(kind).stream().map(PushRule::ruleId).toList();
    }

    private static ErrorKind refusal(Runnable change) {
        DomainException e = catchThrowableOfType(DomainException.class, change::run);
        assertThat(e).as("refused").isNotNull();
        return e.kind();
    }

    @Test
    void a_keyword_content_rule_highlights_the_word() {
        PushRuleSet rules = PushRuleSet.of(BOB_ID, UserPushRules.NONE.put(RuleKind.CONTENT, "cake", CAKE, null, null));

        PushDecision decision = rules.evaluate(text("Is there CAKE today?"), bobInGroup());
        assertThat(decision.ruleId()).isEqualTo("cake");
        assertThat(decision.highlights()).isTrue();
        assertThat(rules.evaluate(text("pancakes"), bobInGroup()).ruleId()).isEqualTo(".m.rule.message");
    }

    @Test
    void new_rules_become_the_most_important_and_before_and_after_place_them() {
        UserPushRules rules = UserPushRules.NONE
                .put(RuleKind.CONTENT, "a", QUIET, null, null)
                .put(RuleKind.CONTENT, "b", QUIET, null, null)
                .put(RuleKind.CONTENT, "c", QUIET, null, "a")
                .put(RuleKind.CONTENT, "d", QUIET, "b", null)
                .put(RuleKind.CONTENT, "e", QUIET, "a", "b");

        assertThat(ids(rules, RuleKind.CONTENT)).containsExactly("d", "b", "e", "a", "c");
        assertThat(ids(rules.put(RuleKind.CONTENT, "b", CAKE, null, null), RuleKind.CONTENT))
                .containsExactly("d", "b", "e", "a", "c");
        assertThat(ids(rules.put(RuleKind.CONTENT, "b", CAKE, null, "c"), RuleKind.CONTENT))
                .containsExactly("d", "e", "a", "c", "b");
    }

    @Test
    void rules_relative_to_an_unknown_or_server_default_rule_are_refused() {
        UserPushRules rules = UserPushRules.NONE.put(RuleKind.CONTENT, "a", QUIET, null, null);

        assertThat(refusal(() -> rules.put(RuleKind.CONTENT, "b", QUIET, "nope", null))).isEqualTo(ErrorKind.UNKNOWN);
        assertThat(refusal(() -> rules.put(RuleKind.CONTENT, "b", QUIET, null, ".m.rule.contains_user_name")))
                .isEqualTo(ErrorKind.UNKNOWN);
        assertThat(refusal(() -> rules.put(RuleKind.CONTENT, "a", QUIET, "a", null))).isEqualTo(ErrorKind.UNKNOWN);
    }

    @Test
    void server_default_ids_and_slashes_are_refused_for_new_rules() {
        assertThat(refusal(() -> UserPushRules.NONE.put(RuleKind.OVERRIDE, ".m.rule.master",
                body(RuleKind.OVERRIDE, "{\"actions\": []}"), null, null))).isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal(() -> UserPushRules.NONE.put(RuleKind.CONTENT, "a/b", QUIET, null, null)))
                .isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal(() -> body(RuleKind.CONTENT, "{\"actions\": []}"))).isEqualTo(ErrorKind.BAD_JSON);
        assertThat(refusal(() -> body(RuleKind.CONTENT, "{\"pattern\": \"x\"}"))).isEqualTo(ErrorKind.BAD_JSON);
        assertThat(refusal(() -> body(RuleKind.CONTENT, "{\"pattern\": \"x\", \"actions\": [\"sing\"]}")))
                .isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal(() -> body(RuleKind.OVERRIDE, "{\"conditions\": [{}], \"actions\": []}")))
                .isEqualTo(ErrorKind.BAD_JSON);
    }

    @Test
    void server_default_rules_can_be_disabled_and_given_other_actions_but_not_deleted() {
        UserPushRules rules = UserPushRules.NONE
                .setEnabled(RuleKind.UNDERRIDE, ".m.rule.message", false, DEFAULTS)
                .setActions(RuleKind.UNDERRIDE, ".m.rule.message", List.of(PushAction.NOTIFY,
                        PushAction.highlight()), DEFAULTS);
        PushRuleSet set = PushRuleSet.of(BOB_ID, rules);

        PushRule message = set.find(RuleKind.UNDERRIDE, ".m.rule.message").orElseThrow();
        assertThat(message.enabled()).isFalse();
        assertThat(message.isDefault()).isTrue();
        assertThat(message.actions()).containsExactly(PushAction.NOTIFY, PushAction.highlight());
        assertThat(set.evaluate(text("hi"), bobInGroup()).notifies()).isFalse();
        assertThat(refusal(() -> rules.delete(RuleKind.UNDERRIDE, ".m.rule.message", DEFAULTS)))
                .isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal(() -> rules.setEnabled(RuleKind.CONTENT, ".m.rule.message", true, DEFAULTS)))
                .isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(refusal(() -> rules.delete(RuleKind.CONTENT, "nothing", DEFAULTS))).isEqualTo(ErrorKind.NOT_FOUND);
    }

    @Test
    void user_rules_come_before_the_server_defaults_of_their_kind_but_after_the_master_rule() {
        UserPushRules rules = UserPushRules.NONE
                .put(RuleKind.OVERRIDE, "mute-alice", body(RuleKind.OVERRIDE,
                        "{\"conditions\": [{\"kind\": \"event_match\", \"key\": \"sender\", \"pattern\": \"" + ALICE
                                + "\"}], \"actions\": []}"), null, null)
                .put(RuleKind.ROOM, ROOM, body(RuleKind.ROOM, "{\"actions\": [\"notify\"]}"), null, null);
        PushRuleSet set = PushRuleSet.of(BOB_ID, rules);

        assertThat(set.rulesOf(RuleKind.OVERRIDE).stream().map(PushRule::ruleId).limit(3))
                .containsExactly(".m.rule.master", "mute-alice", ".m.rule.suppress_notices");
        assertThat(set.evaluate(text("Bobby!"), bobInGroup()).ruleId()).isEqualTo("mute-alice");

        PushRuleSet roomOnly = PushRuleSet.of(BOB_ID, rules.delete(RuleKind.OVERRIDE, "mute-alice", DEFAULTS));
        assertThat(roomOnly.evaluate(text("hello"), bobInGroup()).ruleId()).isEqualTo(ROOM);
    }

    @Test
    void sender_rules_match_the_sender() {
        PushRuleSet set = PushRuleSet.of(BOB_ID, UserPushRules.NONE.put(RuleKind.SENDER, ALICE,
                body(RuleKind.SENDER, "{\"actions\": [\"dont_notify\"]}"), null, null));

        PushDecision decision = set.evaluate(text("hello"), bobInGroup());
        assertThat(decision.ruleId()).isEqualTo(ALICE);
        assertThat(decision.notifies()).isFalse();
        assertThat(decision.actions()).containsExactly(PushAction.DONT_NOTIFY);
    }

    @Test
    void disabled_user_rules_are_passed_over_and_keep_their_state_when_replaced() {
        UserPushRules rules = UserPushRules.NONE.put(RuleKind.CONTENT, "cake", CAKE, null, null)
                .setEnabled(RuleKind.CONTENT, "cake", false, DEFAULTS);

        assertThat(PushRuleSet.of(BOB_ID, rules).evaluate(text("cake"), bobInGroup()).ruleId())
                .isEqualTo(".m.rule.message");
        assertThat(rules.put(RuleKind.CONTENT, "cake", CAKE, null, null).rulesOf(RuleKind.CONTENT).getFirst()
                .enabled()).isFalse();
    }

    @Test
    void the_stored_form_reads_back_the_same() {
        UserPushRules rules = UserPushRules.NONE
                .put(RuleKind.CONTENT, "cake", CAKE, null, null)
                .put(RuleKind.OVERRIDE, "odd", body(RuleKind.OVERRIDE,
                        "{\"conditions\": [{\"kind\": \"org.example.x\", \"y\": 1}], \"actions\": [\"coalesce\","
                                + " {\"set_tweak\": \"sound\", \"value\": \"bing\", \"extra\": true}]}"), null, null)
                .setEnabled(RuleKind.OVERRIDE, ".m.rule.master", true, DEFAULTS)
                .setActions(RuleKind.UNDERRIDE, ".m.rule.call", List.of(), DEFAULTS);

        JsonObject stored = rules.toJson();
        UserPushRules read = UserPushRules.parse(io.zhihang.domain.protocol.json.CanonicalJson.encode(stored));
        assertThat(read).isEqualTo(rules);
        assertThat(PushRuleSet.of(BOB_ID, read).toJson()).isEqualTo(PushRuleSet.of(BOB_ID, rules).toJson());
        assertThat(PushRuleSet.of(BOB_ID, read).find(RuleKind.OVERRIDE, "odd").orElseThrow().toJson()
                .array("actions").orElse(JsonArray.EMPTY).get(1))
                .isEqualTo(Json.parseObject("{\"set_tweak\": \"sound\", \"value\": \"bing\", \"extra\": true}"));
    }
}
