package io.zhihang.domain.push;

import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;

import java.util.ArrayList;
import java.util.List;

/** Reading push rules from their JSON form (the spec's definitions, stored rules, request bodies). */
final class PushRuleJson {
    private PushRuleJson() {
    }

    /** A whole rule of {@code kind} as the API shows it ({@code rule_id}, {@code default}, {@code enabled}, ...). */
    static PushRule parse(RuleKind kind, JsonObject json) {
        String ruleId = json.string("rule_id").orElseThrow(() -> DomainException.badJson("Rule without 'rule_id'"));
        return new PushRule(kind, ruleId, json.bool("default").orElse(false), json.bool("enabled").orElse(true),
                conditions(kind, json), kind == RuleKind.CONTENT ? json.string("pattern").orElse(null) : null,
                actions(json));
    }

    static List<PushCondition> conditions(RuleKind kind, JsonObject json) {
        if (!kind.hasConditions() || !json.has("conditions")) {
            return List.of();
        }
        JsonArray array = json.array("conditions")
                .orElseThrow(() -> DomainException.badJson("'conditions' must be an array"));
        List<PushCondition> conditions = new ArrayList<>();
        for (JsonValue item : array.items()) {
            if (!(item instanceof JsonObject condition)) {
                throw DomainException.badJson("Each condition must be an object");
            }
            conditions.add(PushCondition.parse(condition));
        }
        return conditions;
    }

    static List<PushAction> actions(JsonObject json) {
        JsonValue actions = json.get("actions").orElseThrow(() -> DomainException.badJson("Missing 'actions'"));
        if (!(actions instanceof JsonArray array)) {
            throw DomainException.badJson("'actions' must be an array");
        }
        return PushAction.parseAll(array);
    }
}
