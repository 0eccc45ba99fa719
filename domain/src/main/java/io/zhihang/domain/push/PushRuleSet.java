package io.zhihang.domain.push;

import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.UserId;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user's push rules in force: their own rules merged with the server-default ones (as they changed them), kind by
 * kind in priority order. {@code .m.rule.master} comes first of all; within every other kind the user's rules come
 * before the server-default ones. Evaluation takes the kinds in the order override, content, room, sender, underride
 * and applies the first enabled rule that matches.
 */
public final class PushRuleSet {
    private final Map<RuleKind, List<PushRule>> byKind;
    private final List<PushRule> inOrder;

    private PushRuleSet(Map<RuleKind, List<PushRule>> byKind) {
        this.byKind = byKind;
        List<PushRule> all = new ArrayList<>();
        for (RuleKind kind : RuleKind.values()) {
            all.addAll(byKind.get(kind));
        }
        this.inOrder = List.copyOf(all);
    }

    /** The rules in force for {@code owner}, who made the changes {@code user}. */
    public static PushRuleSet of(UserId owner, UserPushRules user) {
        return of(DefaultPushRules.forUser(owner), user);
    }

    /** As {@link #of(UserId, UserPushRules)}, with the owner's server-default rules already made. */
    public static PushRuleSet of(Map<RuleKind, List<PushRule>> serverDefaults, UserPushRules user) {
        Map<RuleKind, List<PushRule>> byKind = new EnumMap<>(RuleKind.class);
        for (RuleKind kind : RuleKind.values()) {
            List<PushRule> rules = new ArrayList<>();
            List<PushRule> defaults = serverDefaults.getOrDefault(kind, List.of()).stream()
                    .map(rule -> user.changeOf(kind, rule.ruleId()).map(c -> c.applyTo(rule)).orElse(rule))
                    .toList();
            for (PushRule rule : defaults) {
                if (rule.ruleId().equals(DefaultPushRules.MASTER)) {
                    rules.add(rule);
                }
            }
            rules.addAll(user.rulesOf(kind));
            for (PushRule rule : defaults) {
                if (!rule.ruleId().equals(DefaultPushRules.MASTER)) {
                    rules.add(rule);
                }
            }
            byKind.put(kind, List.copyOf(rules));
        }
        return new PushRuleSet(Collections.unmodifiableMap(byKind));
    }

    public List<PushRule> rulesOf(RuleKind kind) {
        return byKind.get(kind);
    }

    public Optional<PushRule> find(RuleKind kind, String ruleId) {
        return byKind.get(kind).stream().filter(r -> r.ruleId().equals(ruleId)).findFirst();
    }

    /**
     * The actions for {@code event}: those of the first enabled rule that matches. The deprecated mention rules
     * ({@link DefaultPushRules#LEGACY_MENTION_RULES}) are skipped for events with {@code m.mentions}, as the spec
     * (v1.7) and Synapse do.
     */
    public PushDecision evaluate(PushEvent event, PushContext context) {
        for (PushRule rule : inOrder) {
            if (!rule.enabled()) {
                continue;
            }
            if (event.hasMentions() && rule.isDefault()
                    && DefaultPushRules.LEGACY_MENTION_RULES.contains(rule.ruleId())) {
                continue;
            }
            if (rule.matches(event, context)) {
                return new PushDecision(rule.ruleId(), rule.actions());
            }
        }
        return PushDecision.NOTHING;
    }

    /** The ruleset as the push rules API and the {@code global} of {@code m.push_rules} show it. */
    public JsonObject toJson() {
        JsonObject.Builder json = JsonObject.builder();
        for (RuleKind kind : RuleKind.values()) {
            json.put(kind.wireName(), new JsonArray(byKind.get(kind).stream().<JsonValue>map(PushRule::toJson).toList()));
        }
        return json.build();
    }
}
