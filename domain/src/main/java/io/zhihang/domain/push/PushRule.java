package io.zhihang.domain.push;

import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonValue;

import java.util.List;
import java.util.Objects;

/**
 * One push rule. Override and underride rules match by their {@code conditions}; a content rule matches when its
 * {@code pattern} is found among the words of {@code content.body}; a room rule's id is the room id and a sender
 * rule's id is the sender's user id.
 *
 * @param isDefault  a server-default rule (its id starts with a dot)
 * @param conditions override and underride rules only (empty otherwise)
 * @param pattern    content rules only (null otherwise)
 */
public record PushRule(RuleKind kind, String ruleId, boolean isDefault, boolean enabled,
                       List<PushCondition> conditions, String pattern, List<PushAction> actions) {
    public PushRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ruleId, "ruleId");
        conditions = List.copyOf(conditions);
        actions = List.copyOf(actions);
    }

    public PushRule withEnabled(boolean value) {
        return new PushRule(kind, ruleId, isDefault, value, conditions, pattern, actions);
    }

    public PushRule withActions(List<PushAction> value) {
        return new PushRule(kind, ruleId, isDefault, enabled, conditions, pattern, value);
    }

    /** Whether the rule applies to the event (enabled or not: the caller checks that). */
    public boolean matches(PushEvent event, PushContext context) {
        return switch (kind) {
            case OVERRIDE, UNDERRIDE -> {
                for (PushCondition condition : conditions) {
                    if (!condition.matches(event, context)) {
                        yield false;
                    }
                }
                yield true;
            }
            case CONTENT -> pattern != null
                    && new PushCondition.EventMatch("content.body", pattern).matches(event, context);
            case ROOM -> event.json().string("room_id").map(ruleId::equals).orElse(false);
            case SENDER -> ruleId.equals(event.sender());
        };
    }

    /** The rule as the push rules API and {@code m.push_rules} show it. */
    public JsonObject toJson() {
        JsonObject.Builder json = JsonObject.builder()
                .put("rule_id", ruleId)
                .put("default", isDefault)
                .put("enabled", enabled);
        if (kind.hasConditions()) {
            json.put("conditions", new JsonArray(conditions.stream().<JsonValue>map(PushCondition::toJson).toList()));
        }
        if (kind == RuleKind.CONTENT && pattern != null) {
            json.put("pattern", pattern);
        }
        return json.put("actions", PushAction.toJson(actions)).build();
    }
}
