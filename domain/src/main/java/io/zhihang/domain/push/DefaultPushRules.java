package io.zhihang.domain.push;

import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.UserId;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The server-default push rules of the spec (v1.19, "Predefined Rules"), with the exact definitions it gives. Three of
 * them name their owner: {@code .m.rule.invite_for_me} and {@code .m.rule.is_user_mention} (the user id) and
 * {@code .m.rule.contains_user_name} (the localpart). {@code .m.rule.master} is evaluated before every other rule,
 * user rules included; the other defaults of a kind come after the user's rules of that kind.
 */
public final class DefaultPushRules {
    /** The ids of the deprecated (v1.7) mention rules, skipped for events whose content has {@code m.mentions}. */
    public static final List<String> LEGACY_MENTION_RULES = List.of(".m.rule.contains_display_name",
            ".m.rule.roomnotif", ".m.rule.contains_user_name");
    public static final String MASTER = ".m.rule.master";

    private static final String OWNER = "[the user's Matrix ID]";
    private static final String LOCALPART = "[the local part of the user's Matrix ID]";

    /** Kind → rules, as in the spec's definitions, with placeholders for the owner. */
    private static final String DEFINITIONS = """
            {
              "override": [
                {"rule_id": ".m.rule.master", "default": true, "enabled": false, "conditions": [], "actions": []},
                {"rule_id": ".m.rule.suppress_notices", "default": true, "enabled": true,
                 "conditions": [{"kind": "event_match", "key": "content.msgtype", "pattern": "m.notice"}],
                 "actions": []},
                {"rule_id": ".m.rule.invite_for_me", "default": true, "enabled": true,
                 "conditions": [{"key": "type", "kind": "event_match", "pattern": "m.room.member"},
                                {"key": "content.membership", "kind": "event_match", "pattern": "invite"},
                                {"key": "state_key", "kind": "event_match", "pattern": "[the user's Matrix ID]"}],
                 "actions": ["notify", {"set_tweak": "sound", "value": "default"}]},
                {"rule_id": ".m.rule.member_event", "default": true, "enabled": true,
                 "conditions": [{"key": "type", "kind": "event_match", "pattern": "m.room.member"}],
                 "actions": []},
                {"rule_id": ".m.rule.is_user_mention", "default": true, "enabled": true,
                 "conditions": [{"kind": "event_property_contains", "key": "content.m\\\\.mentions.user_ids",
                                 "value": "[the user's Matrix ID]"}],
                 "actions": ["notify", {"set_tweak": "sound", "value": "default"}, {"set_tweak": "highlight"}]},
                {"rule_id": ".m.rule.contains_display_name", "default": true, "enabled": true,
                 "conditions": [{"kind": "contains_display_name"}],
                 "actions": ["notify", {"set_tweak": "sound", "value": "default"}, {"set_tweak": "highlight"}]},
                {"rule_id": ".m.rule.is_room_mention", "default": true, "enabled": true,
                 "conditions": [{"kind": "event_property_is", "key": "content.m\\\\.mentions.room", "value": true},
                                {"kind": "sender_notification_permission", "key": "room"}],
                 "actions": ["notify", {"set_tweak": "highlight"}]},
                {"rule_id": ".m.rule.roomnotif", "default": true, "enabled": true,
                 "conditions": [{"kind": "event_match", "key": "content.body", "pattern": "@room"},
                                {"kind": "sender_notification_permission", "key": "room"}],
                 "actions": ["notify", {"set_tweak": "highlight"}]},
                {"rule_id": ".m.rule.tombstone", "default": true, "enabled": true,
                 "conditions": [{"kind": "event_match", "key": "type", "pattern": "m.room.tombstone"},
                                {"kind": "event_match", "key": "state_key", "pattern": ""}],
                 "actions": ["notify", {"set_tweak": "highlight"}]},
                {"rule_id": ".m.rule.reaction", "default": true, "enabled": true,
                 "conditions": [{"kind": "event_match", "key": "type", "pattern": "m.reaction"}],
                 "actions": []},
                {"rule_id": ".m.rule.room.server_acl", "default": true, "enabled": true,
                 "conditions": [{"kind": "event_match", "key": "type", "pattern": "m.room.server_acl"},
                                {"kind": "event_match", "key": "state_key", "pattern": ""}],
                 "actions": []},
                {"rule_id": ".m.rule.suppress_edits", "default": true, "enabled": true,
                 "conditions": [{"kind": "event_property_is", "key": "content.m\\\\.relates_to.rel_type",
                                 "value": "m.replace"}],
                 "actions": []}
              ],
              "content": [
                {"rule_id": ".m.rule.contains_user_name", "default": true, "enabled": true,
                 "pattern": "[the local part of the user's Matrix ID]",
                 "actions": ["notify", {"set_tweak": "sound", "value": "default"}, {"set_tweak": "highlight"}]}
              ],
              "room": [],
              "sender": [],
              "underride": [
                {"rule_id": ".m.rule.call", "default": true, "enabled": true,
                 "conditions": [{"key": "type", "kind": "event_match", "pattern": "m.call.invite"}],
                 "actions": ["notify", {"set_tweak": "sound", "value": "ring"}]},
                {"rule_id": ".m.rule.encrypted_room_one_to_one", "default": true, "enabled": true,
                 "conditions": [{"kind": "room_member_count", "is": "2"},
                                {"kind": "event_match", "key": "type", "pattern": "m.room.encrypted"}],
                 "actions": ["notify", {"set_tweak": "sound", "value": "default"}]},
                {"rule_id": ".m.rule.room_one_to_one", "default": true, "enabled": true,
                 "conditions": [{"kind": "room_member_count", "is": "2"},
                                {"kind": "event_match", "key": "type", "pattern": "m.room.message"}],
                 "actions": ["notify", {"set_tweak": "sound", "value": "default"}]},
                {"rule_id": ".m.rule.message", "default": true, "enabled": true,
                 "conditions": [{"kind": "event_match", "key": "type", "pattern": "m.room.message"}],
                 "actions": ["notify"]},
                {"rule_id": ".m.rule.encrypted", "default": true, "enabled": true,
                 "conditions": [{"kind": "event_match", "key": "type", "pattern": "m.room.encrypted"}],
                 "actions": ["notify"]}
              ]
            }""";

    private static final JsonObject TEMPLATES = Json.parseObject(DEFINITIONS);
    /** The rules that do not name their owner, parsed once and shared by every user's rule set (null: per owner). */
    private static final Map<RuleKind, List<PushRule>> SHARED = shared();

    private DefaultPushRules() {
    }

    /** The server-default rules of {@code owner}, kind by kind, in the spec's order ({@code .m.rule.master} first). */
    public static Map<RuleKind, List<PushRule>> forUser(UserId owner) {
        Map<RuleKind, List<PushRule>> rules = new EnumMap<>(RuleKind.class);
        for (RuleKind kind : RuleKind.values()) {
            List<PushRule> shared = SHARED.get(kind);
            List<JsonValue> templates = TEMPLATES.array(kind.wireName()).orElse(JsonArray.EMPTY).items();
            List<PushRule> ofKind = new ArrayList<>(shared.size());
            for (int i = 0; i < shared.size(); i++) {
                PushRule rule = shared.get(i);
                ofKind.add(rule != null ? rule : PushRuleJson.parse(kind, (JsonObject) fill(templates.get(i), owner)));
            }
            rules.put(kind, Collections.unmodifiableList(ofKind));
        }
        return rules;
    }

    private static Map<RuleKind, List<PushRule>> shared() {
        Map<RuleKind, List<PushRule>> rules = new EnumMap<>(RuleKind.class);
        for (RuleKind kind : RuleKind.values()) {
            List<PushRule> ofKind = new ArrayList<>();
            for (JsonValue template : TEMPLATES.array(kind.wireName()).orElse(JsonArray.EMPTY).items()) {
                boolean perOwner = CanonicalJson.encode(template).contains("[the ");
                ofKind.add(perOwner ? null : PushRuleJson.parse(kind, (JsonObject) template));
            }
            rules.put(kind, Collections.unmodifiableList(ofKind));
        }
        return rules;
    }

    /** Whether a rule id names a server-default rule (they all start with a dot). */
    public static boolean isServerDefaultId(String ruleId) {
        return ruleId.startsWith(".");
    }

    private static JsonValue fill(JsonValue template, UserId owner) {
        return switch (template) {
            case JsonString s when s.value().equals(OWNER) -> JsonString.of(owner.toString());
            case JsonString s when s.value().equals(LOCALPART) -> JsonString.of(owner.localpart());
            case JsonObject o -> {
                JsonObject.Builder out = JsonObject.builder();
                o.members().forEach((k, v) -> out.put(k, fill(v, owner)));
                yield out.build();
            }
            case JsonArray a -> new JsonArray(a.items().stream().map(v -> fill(v, owner)).toList());
            default -> template;
        };
    }
}
