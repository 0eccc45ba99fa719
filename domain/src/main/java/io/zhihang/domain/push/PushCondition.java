package io.zhihang.domain.push;

import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonBool;
import io.zhihang.domain.protocol.json.JsonNull;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition of an {@code override} or {@code underride} push rule. A condition of an unknown kind, or a known kind
 * with unusable parameters, is kept as it was given ({@link Unrecognised}) and never matches, as the spec demands.
 */
public sealed interface PushCondition {

    /** Whether the condition holds for {@code event} in the situation {@code context}. */
    boolean matches(PushEvent event, PushContext context);

    JsonObject toJson();

    /** Reads a condition; only a missing or non-string {@code kind} is refused ({@code M_BAD_JSON}). */
    static PushCondition parse(JsonObject json) {
        String kind = json.string("kind").orElseThrow(() -> DomainException.badJson("Condition without 'kind'"));
        Optional<PushCondition> known = switch (kind) {
            case "event_match" -> json.string("key").flatMap(k -> json.string("pattern")
                    .map(p -> new EventMatch(k, p)));
            case "event_property_is" -> json.string("key").flatMap(k -> json.get("value")
                    .filter(PushCondition::isScalar).map(v -> new EventPropertyIs(k, v)));
            case "event_property_contains" -> json.string("key").flatMap(k -> json.get("value")
                    .filter(PushCondition::isScalar).map(v -> new EventPropertyContains(k, v)));
            case "contains_display_name" -> Optional.of(new ContainsDisplayName());
            case "room_member_count" -> json.string("is").flatMap(RoomMemberCount::parse);
            case "sender_notification_permission" -> json.string("key").map(SenderNotificationPermission::new);
            default -> Optional.empty();
        };
        return known.orElseGet(() -> new Unrecognised(json));
    }

    /** The values {@code event_property_is} and {@code event_property_contains} compare: no arrays or objects. */
    static boolean isScalar(JsonValue value) {
        return value instanceof JsonString || value instanceof JsonNumber || value instanceof JsonBool
                || value instanceof JsonNull;
    }

    /** A glob on a string property; on {@code content.body} the glob is matched against words. */
    record EventMatch(String key, String pattern) implements PushCondition {
        @Override
        public boolean matches(PushEvent event, PushContext context) {
            PropertyPath path = path(key);
            return event.lookup(path).orElse(null) instanceof JsonString s
                    && (path.isBody() ? Glob.words(pattern) : Glob.whole(pattern)).matches(s.value());
        }

        @Override
        public JsonObject toJson() {
            return JsonObject.builder().put("kind", "event_match").put("key", key).put("pattern", pattern).build();
        }
    }

    /** An exact match of a scalar property. */
    record EventPropertyIs(String key, JsonValue value) implements PushCondition {
        @Override
        public boolean matches(PushEvent event, PushContext context) {
            return event.lookup(path(key)).map(value::equals).orElse(false);
        }

        @Override
        public JsonObject toJson() {
            return JsonObject.builder().put("kind", "event_property_is").put("key", key).put("value", value).build();
        }
    }

    /** An array property holding exactly this scalar. */
    record EventPropertyContains(String key, JsonValue value) implements PushCondition {
        @Override
        public boolean matches(PushEvent event, PushContext context) {
            return event.lookup(path(key)).orElse(null) instanceof JsonArray array && array.items().contains(value);
        }

        @Override
        public JsonObject toJson() {
            return JsonObject.builder().put("kind", "event_property_contains").put("key", key).put("value", value)
                    .build();
        }
    }

    /** The body mentions the recipient's display name in the room, between word boundaries. */
    record ContainsDisplayName() implements PushCondition {
        @Override
        public boolean matches(PushEvent event, PushContext context) {
            String name = context.displayName();
            return name != null && !name.isBlank()
                    && event.lookup(PushEvent.BODY).orElse(null) instanceof JsonString body
                    && Glob.literalWords(name).matches(body.value());
        }

        @Override
        public JsonObject toJson() {
            return JsonObject.builder().put("kind", "contains_display_name").build();
        }
    }

    /** The number of joined members compared with {@code is}: a number with an optional {@code ==,<,>,<=,>=}. */
    record RoomMemberCount(String is, String operator, long count) implements PushCondition {
        private static final Pattern IS = Pattern.compile("(==|<=|>=|<|>)?([0-9]{1,15})");

        static Optional<PushCondition> parse(String is) {
            Matcher m = IS.matcher(is);
            if (!m.matches()) {
                return Optional.empty();
            }
            String operator = m.group(1) == null ? "==" : m.group(1);
            return Optional.of(new RoomMemberCount(is, operator, Long.parseLong(m.group(2))));
        }

        @Override
        public boolean matches(PushEvent event, PushContext context) {
            long members = context.roomMemberCount();
            return switch (operator) {
                case "<" -> members < count;
                case ">" -> members > count;
                case "<=" -> members <= count;
                case ">=" -> members >= count;
                default -> members == count;
            };
        }

        @Override
        public JsonObject toJson() {
            return JsonObject.builder().put("kind", "room_member_count").put("is", is).build();
        }
    }

    /** The sender's power level reaches the level {@code notifications[key]} of the room's power levels. */
    record SenderNotificationPermission(String key) implements PushCondition {
        @Override
        public boolean matches(PushEvent event, PushContext context) {
            return context.senderMayNotify(event.sender(), key);
        }

        @Override
        public JsonObject toJson() {
            return JsonObject.builder().put("kind", "sender_notification_permission").put("key", key).build();
        }
    }

    /** A condition this server does not understand: kept as given, never matches. */
    record Unrecognised(JsonObject json) implements PushCondition {
        @Override
        public boolean matches(PushEvent event, PushContext context) {
            return false;
        }

        @Override
        public JsonObject toJson() {
            return json;
        }
    }

    private static PropertyPath path(String key) {
        return PushEvent.path(key);
    }
}
