package io.zhihang.domain.protocol;

import io.zhihang.domain.protocol.RoomVersion.RedactionRules;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The redaction algorithm of each room version (matrix-spec {@code rooms/fragments/v1-, v6-, v9-, v11-redactions.md}
 * and the inline list of {@code rooms/v8.md}; tabulated in {@code shared/spec/vectors/redaction-rules.json}).
 * Every top-level key not on the version's list is dropped (including {@code unsigned}); {@code content} keeps only
 * the keys its event type protects and is always present in the result, as {@code {}} if nothing is kept.
 */
public final class Redaction {

    private static final List<String> TOP_LEVEL_V11 = List.of(
            "event_id", "type", "room_id", "sender", "state_key", "content", "hashes", "signatures", "depth",
            "prev_events", "auth_events", "origin_server_ts");
    private static final Set<String> TOP_LEVEL_V1 = concat(TOP_LEVEL_V11, "prev_state", "origin", "membership");
    private static final Set<String> TOP_LEVEL_V11_SET = Set.copyOf(TOP_LEVEL_V11);

    private static final List<String> POWER_LEVELS_V1 = List.of(
            "ban", "events", "events_default", "kick", "redact", "state_default", "users", "users_default");

    private static final Map<String, Set<String>> CONTENT_V1 = Map.of(
            "m.room.member", Set.of("membership"),
            "m.room.create", Set.of("creator"),
            "m.room.join_rules", Set.of("join_rule"),
            "m.room.power_levels", Set.copyOf(POWER_LEVELS_V1),
            "m.room.aliases", Set.of("aliases"),
            "m.room.history_visibility", Set.of("history_visibility"));
    /** v6: {@code m.room.aliases} is no longer protected. */
    private static final Map<String, Set<String>> CONTENT_V6 = Map.of(
            "m.room.member", Set.of("membership"),
            "m.room.create", Set.of("creator"),
            "m.room.join_rules", Set.of("join_rule"),
            "m.room.power_levels", Set.copyOf(POWER_LEVELS_V1),
            "m.room.history_visibility", Set.of("history_visibility"));
    /** v8: join rules keep {@code allow}. */
    private static final Map<String, Set<String>> CONTENT_V8 = Map.of(
            "m.room.member", Set.of("membership"),
            "m.room.create", Set.of("creator"),
            "m.room.join_rules", Set.of("join_rule", "allow"),
            "m.room.power_levels", Set.copyOf(POWER_LEVELS_V1),
            "m.room.history_visibility", Set.of("history_visibility"));
    /** v9: members keep {@code join_authorised_via_users_server}. */
    private static final Map<String, Set<String>> CONTENT_V9 = Map.of(
            "m.room.member", Set.of("membership", "join_authorised_via_users_server"),
            "m.room.create", Set.of("creator"),
            "m.room.join_rules", Set.of("join_rule", "allow"),
            "m.room.power_levels", Set.copyOf(POWER_LEVELS_V1),
            "m.room.history_visibility", Set.of("history_visibility"));
    /**
     * v11 (MSC2176, MSC3821, MSC3989): power levels also keep {@code invite}, redactions keep {@code redacts}; the
     * create event's whole content and {@code third_party_invite.signed} are handled in {@link #content}.
     */
    private static final Map<String, Set<String>> CONTENT_V11 = Map.of(
            "m.room.member", Set.of("membership", "join_authorised_via_users_server"),
            "m.room.join_rules", Set.of("join_rule", "allow"),
            "m.room.power_levels", concat(POWER_LEVELS_V1, "invite"),
            "m.room.history_visibility", Set.of("history_visibility"),
            "m.room.redaction", Set.of("redacts"));

    private Redaction() {
    }

    /** The redacted copy of a federation-format event, per the room version's redaction rules. */
    public static JsonObject redact(JsonObject event, RoomVersion version) {
        RedactionRules rules = version.redactionRules();
        Set<String> keep = rules == RedactionRules.V11 ? TOP_LEVEL_V11_SET : TOP_LEVEL_V1;
        JsonObject.Builder out = JsonObject.builder();
        for (Map.Entry<String, JsonValue> member : event.members().entrySet()) {
            if (keep.contains(member.getKey()) && !member.getKey().equals("content")) {
                out.put(member.getKey(), member.getValue());
            }
        }
        JsonObject content = event.object("content").orElse(JsonObject.EMPTY);
        out.put("content", content(event.string("type").orElse(""), content, rules));
        return out.build();
    }

    /** The top-level keys a room version's redaction keeps. */
    public static Set<String> topLevelKeysKept(RoomVersion version) {
        return version.redactionRules() == RedactionRules.V11 ? TOP_LEVEL_V11_SET : TOP_LEVEL_V1;
    }

    private static JsonObject content(String type, JsonObject content, RedactionRules rules) {
        if (rules == RedactionRules.V11 && type.equals("m.room.create")) {
            return content;
        }
        Set<String> kept = contentKeys(rules).getOrDefault(type, Set.of());
        JsonObject.Builder out = JsonObject.builder();
        for (Map.Entry<String, JsonValue> member : content.members().entrySet()) {
            if (kept.contains(member.getKey())) {
                out.put(member.getKey(), member.getValue());
            }
        }
        if (rules == RedactionRules.V11 && type.equals("m.room.member")) {
            // Like Synapse: an object third_party_invite survives with only its "signed" key (possibly none).
            content.object("third_party_invite").ifPresent(invite -> out.put("third_party_invite",
                    invite.get("signed").map(signed -> JsonObject.builder().put("signed", signed).build())
                            .orElse(JsonObject.EMPTY)));
        }
        return out.build();
    }

    private static Map<String, Set<String>> contentKeys(RedactionRules rules) {
        return switch (rules) {
            case V1 -> CONTENT_V1;
            case V6 -> CONTENT_V6;
            case V8 -> CONTENT_V8;
            case V9 -> CONTENT_V9;
            case V11 -> CONTENT_V11;
        };
    }

    private static Set<String> concat(List<String> base, String... more) {
        return Set.copyOf(Stream.concat(base.stream(), Arrays.stream(more)).toList());
    }
}
