package io.zhihang.domain.push;

import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.zhihang.domain.push.PushFixtures.BOB;
import static io.zhihang.domain.push.PushFixtures.BOB_ID;
import static io.zhihang.domain.push.PushFixtures.bobIn;
import static io.zhihang.domain.push.PushFixtures.bobInGroup;
import static io.zhihang.domain.push.PushFixtures.event;
import static io.zhihang.domain.push.PushFixtures.state;
import static io.zhihang.domain.push.PushFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Each server-default rule, through Bob's untouched rule set. */
class DefaultPushRulesTest {
    private final PushRuleSet bobs = PushRuleSet.of(BOB_ID, UserPushRules.NONE);

    private PushDecision inGroup(PushEvent event) {
        return bobs.evaluate(event, bobInGroup());
    }

    @Test
    void the_rule_set_lists_the_spec_rules_in_the_spec_order() {
        JsonObject json = bobs.toJson();

        assertThat(ids(json, "override")).containsExactly(".m.rule.master", ".m.rule.suppress_notices",
                ".m.rule.invite_for_me", ".m.rule.member_event", ".m.rule.is_user_mention",
                ".m.rule.contains_display_name", ".m.rule.is_room_mention", ".m.rule.roomnotif", ".m.rule.tombstone",
                ".m.rule.reaction", ".m.rule.room.server_acl", ".m.rule.suppress_edits");
        assertThat(ids(json, "content")).containsExactly(".m.rule.contains_user_name");
        assertThat(ids(json, "room")).isEmpty();
        assertThat(ids(json, "sender")).isEmpty();
        assertThat(ids(json, "underride")).containsExactly(".m.rule.call", ".m.rule.encrypted_room_one_to_one",
                ".m.rule.room_one_to_one", ".m.rule.message", ".m.rule.encrypted");
    }

    @Test
    void the_definitions_are_the_specs_json_with_the_owner_filled_in() {
        JsonObject json = bobs.toJson();

        assertThat(rule(json, "override", ".m.rule.master")).isEqualTo(Json.parseObject(
                "{\"rule_id\":\".m.rule.master\",\"default\":true,\"enabled\":false,\"conditions\":[],\"actions\":[]}"));
        assertThat(rule(json, "override", ".m.rule.is_user_mention")).isEqualTo(Json.parseObject("""
                {"rule_id": ".m.rule.is_user_mention", "default": true, "enabled": true,
                 "conditions": [{"kind": "event_property_contains", "key": "content.m\\\\.mentions.user_ids",
                                 "value": "@bob:example.org"}],
                 "actions": ["notify", {"set_tweak": "sound", "value": "default"}, {"set_tweak": "highlight"}]}"""));
        assertThat(rule(json, "override", ".m.rule.invite_for_me").array("conditions").orElseThrow().get(2))
                .isEqualTo(Json.parseObject(
                        "{\"key\": \"state_key\", \"kind\": \"event_match\", \"pattern\": \"@bob:example.org\"}"));
        assertThat(rule(json, "content", ".m.rule.contains_user_name")).isEqualTo(Json.parseObject("""
                {"rule_id": ".m.rule.contains_user_name", "default": true, "enabled": true, "pattern": "bob",
                 "actions": ["notify", {"set_tweak": "sound", "value": "default"}, {"set_tweak": "highlight"}]}"""));
        assertThat(rule(json, "underride", ".m.rule.message")).isEqualTo(Json.parseObject("""
                {"rule_id": ".m.rule.message", "default": true, "enabled": true,
                 "conditions": [{"kind": "event_match", "key": "type", "pattern": "m.room.message"}],
                 "actions": ["notify"]}"""));
    }

    @Test
    void a_plain_message_in_a_group_notifies_without_highlight() {
        PushDecision decision = inGroup(text("hello everyone"));

        assertThat(decision.ruleId()).isEqualTo(".m.rule.message");
        assertThat(decision.notifies()).isTrue();
        assertThat(decision.highlights()).isFalse();
    }

    @Test
    void a_message_in_a_one_to_one_room_notifies_with_sound() {
        PushDecision decision = bobs.evaluate(text("hello there"), bobIn(2, null, 0));

        assertThat(decision.ruleId()).isEqualTo(".m.rule.room_one_to_one");
        assertThat(decision.notifies()).isTrue();
        assertThat(decision.actions()).contains(PushAction.sound("default"));
    }

    @Test
    void encrypted_events_notify_by_the_encrypted_rules() {
        PushEvent encrypted = event("m.room.encrypted", "{\"algorithm\": \"m.megolm.v1.aes-sha2\", \"ciphertext\": \"x\"}");

        assertThat(bobs.evaluate(encrypted, bobIn(2, null, 0)).ruleId()).isEqualTo(".m.rule.encrypted_room_one_to_one");
        assertThat(bobs.evaluate(encrypted, bobIn(3, null, 0)).ruleId()).isEqualTo(".m.rule.encrypted");
        assertThat(bobs.evaluate(encrypted, bobIn(3, null, 0)).notifies()).isTrue();
    }

    @Test
    void a_mention_in_m_mentions_highlights() {
        PushDecision decision = inGroup(event("m.room.message",
                "{\"msgtype\": \"m.text\", \"body\": \"look\", \"m.mentions\": {\"user_ids\": [\"" + BOB + "\"]}}"));

        assertThat(decision.ruleId()).isEqualTo(".m.rule.is_user_mention");
        assertThat(decision.notifies()).isTrue();
        assertThat(decision.highlights()).isTrue();
    }

    @Test
    void m_mentions_turns_the_legacy_mention_rules_off() {
        PushDecision decision = inGroup(event("m.room.message",
                "{\"msgtype\": \"m.text\", \"body\": \"Bobby bob @room\", \"m.mentions\": {}}"));

        assertThat(decision.ruleId()).isEqualTo(".m.rule.message");
        assertThat(decision.highlights()).isFalse();
    }

    @Test
    void the_display_name_in_the_body_highlights_without_m_mentions() {
        PushDecision decision = inGroup(text("Bobby, are you there?"));

        assertThat(decision.ruleId()).isEqualTo(".m.rule.contains_display_name");
        assertThat(decision.highlights()).isTrue();
    }

    @Test
    void the_localpart_in_the_body_highlights_by_the_content_rule() {
        PushDecision decision = bobs.evaluate(text("ask BOB about it"), bobIn(5, null, 0));

        assertThat(decision.ruleId()).isEqualTo(".m.rule.contains_user_name");
        assertThat(decision.highlights()).isTrue();
        assertThat(bobs.evaluate(text("bobsleigh"), bobIn(5, null, 0)).ruleId()).isEqualTo(".m.rule.message");
    }

    @Test
    void a_room_mention_highlights_only_from_a_sender_with_the_room_notification_level() {
        PushEvent roomMention = event("m.room.message",
                "{\"msgtype\": \"m.text\", \"body\": \"all\", \"m.mentions\": {\"room\": true}}");

        assertThat(bobs.evaluate(roomMention, bobIn(5, null, 50)).ruleId()).isEqualTo(".m.rule.is_room_mention");
        assertThat(bobs.evaluate(roomMention, bobIn(5, null, 50)).highlights()).isTrue();
        assertThat(bobs.evaluate(roomMention, bobIn(5, null, 0)).ruleId()).isEqualTo(".m.rule.message");
    }

    @Test
    void the_legacy_at_room_in_the_body_highlights_from_a_powerful_sender() {
        assertThat(bobs.evaluate(text("@room lunch!"), bobIn(5, null, 100)).ruleId()).isEqualTo(".m.rule.roomnotif");
        assertThat(bobs.evaluate(text("@room lunch!"), bobIn(5, null, 0)).ruleId()).isEqualTo(".m.rule.message");
    }

    @Test
    void notices_are_suppressed() {
        PushDecision decision = inGroup(event("m.room.message", "{\"msgtype\": \"m.notice\", \"body\": \"Bobby\"}"));

        assertThat(decision.ruleId()).isEqualTo(".m.rule.suppress_notices");
        assertThat(decision.notifies()).isFalse();
    }

    @Test
    void edits_are_suppressed_unless_they_mention_the_user() {
        String edit = "{\"msgtype\": \"m.text\", \"body\": \"* fixed\", \"m.new_content\": {\"body\": \"fixed\"},"
                + " \"m.relates_to\": {\"rel_type\": \"m.replace\", \"event_id\": \"$orig\"}%s}";

        assertThat(inGroup(event("m.room.message", edit.formatted(""))).ruleId())
                .isEqualTo(".m.rule.suppress_edits");
        assertThat(inGroup(event("m.room.message", edit.formatted(""))).notifies()).isFalse();
        assertThat(inGroup(event("m.room.message",
                edit.formatted(", \"m.mentions\": {\"user_ids\": [\"" + BOB + "\"]}"))).ruleId())
                .isEqualTo(".m.rule.is_user_mention");
    }

    @Test
    void an_invite_for_the_user_notifies_but_other_member_events_do_not() {
        PushDecision invite = inGroup(state("m.room.member", BOB, "{\"membership\": \"invite\"}"));
        PushDecision otherInvite = inGroup(state("m.room.member", "@carol:example.org", "{\"membership\": \"invite\"}"));
        PushDecision join = inGroup(state("m.room.member", "@carol:example.org", "{\"membership\": \"join\"}"));

        assertThat(invite.ruleId()).isEqualTo(".m.rule.invite_for_me");
        assertThat(invite.notifies()).isTrue();
        assertThat(otherInvite.ruleId()).isEqualTo(".m.rule.member_event");
        assertThat(join.notifies()).isFalse();
    }

    @Test
    void a_tombstone_highlights_and_server_acls_and_reactions_stay_quiet() {
        assertThat(inGroup(state("m.room.tombstone", "", "{\"replacement_room\": \"!new:x\"}")).highlights()).isTrue();
        assertThat(inGroup(event("m.room.tombstone", "{}")).ruleId()).isNull();
        assertThat(inGroup(state("m.room.server_acl", "", "{\"allow\": [\"*\"]}")).ruleId())
                .isEqualTo(".m.rule.room.server_acl");
        assertThat(inGroup(event("m.reaction",
                "{\"m.relates_to\": {\"rel_type\": \"m.annotation\", \"event_id\": \"$x\", \"key\": \"Bobby\"}}"))
                .ruleId()).isEqualTo(".m.rule.reaction");
    }

    @Test
    void a_call_rings() {
        PushDecision call = inGroup(event("m.call.invite", "{\"call_id\": \"1\", \"version\": 0}"));

        assertThat(call.ruleId()).isEqualTo(".m.rule.call");
        assertThat(call.actions()).contains(PushAction.sound("ring"));
    }

    @Test
    void other_events_match_nothing() {
        assertThat(inGroup(state("m.room.topic", "", "{\"topic\": \"Bobby\"}")).ruleId()).isNull();
        assertThat(inGroup(event("m.sticker", "{\"body\": \"x\"}")).notifies()).isFalse();
    }

    @Test
    void the_master_rule_silences_everything_once_enabled() {
        PushRuleSet silenced = PushRuleSet.of(BOB_ID, UserPushRules.NONE.setEnabled(RuleKind.OVERRIDE,
                ".m.rule.master", true, DefaultPushRules.forUser(BOB_ID)));

        PushDecision decision = silenced.evaluate(event("m.room.message",
                "{\"body\": \"x\", \"m.mentions\": {\"user_ids\": [\"" + BOB + "\"]}}"), bobInGroup());
        assertThat(decision.ruleId()).isEqualTo(".m.rule.master");
        assertThat(decision.notifies()).isFalse();
    }

    private static List<String> ids(JsonObject json, String kind) {
        return json.array(kind).orElseThrow().items().stream()
                .map(r -> ((JsonObject) r).string("rule_id").orElseThrow()).toList();
    }

    private static JsonObject rule(JsonObject json, String kind, String ruleId) {
        for (JsonValue r : json.array(kind).orElse(JsonArray.EMPTY).items()) {
            if (((JsonObject) r).string("rule_id").orElseThrow().equals(ruleId)) {
                return (JsonObject) r;
            }
        }
        throw new AssertionError("No rule " + ruleId);
    }
}
