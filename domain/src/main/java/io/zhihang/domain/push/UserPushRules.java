package io.zhihang.domain.push;

import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What a user changed in their push rules: their own rules, kind by kind, most important first, and the changes they
 * made to server-default rules (only {@code enabled} and {@code actions} can change). Immutable: every change returns
 * the new state, or refuses with the spec's error.
 *
 * @param rules    the user's own rules per kind, most important first
 * @param defaults changes to server-default rules, by kind and rule id
 */
public record UserPushRules(Map<RuleKind, List<PushRule>> rules,
                            Map<RuleKind, Map<String, DefaultRuleChange>> defaults) {
    public static final UserPushRules NONE = new UserPushRules(Map.of(), Map.of());

    public UserPushRules {
        Map<RuleKind, List<PushRule>> r = new EnumMap<>(RuleKind.class);
        rules.forEach((kind, list) -> {
            if (!list.isEmpty()) {
                r.put(kind, List.copyOf(list));
            }
        });
        rules = Collections.unmodifiableMap(r);
        Map<RuleKind, Map<String, DefaultRuleChange>> d = new EnumMap<>(RuleKind.class);
        defaults.forEach((kind, changes) -> {
            if (!changes.isEmpty()) {
                d.put(kind, Collections.unmodifiableMap(new LinkedHashMap<>(changes)));
            }
        });
        defaults = Collections.unmodifiableMap(d);
    }

    /** A change to a server-default rule: a new {@code enabled} and/or new {@code actions} (null: unchanged). */
    public record DefaultRuleChange(Boolean enabled, List<PushAction> actions) {
        public DefaultRuleChange {
            actions = actions == null ? null : List.copyOf(actions);
        }

        PushRule applyTo(PushRule rule) {
            PushRule changed = enabled == null ? rule : rule.withEnabled(enabled);
            return actions == null ? changed : changed.withActions(actions);
        }
    }

    /** A rule as a client sends it in {@code PUT /pushrules/global/{kind}/{ruleId}}: only its matching and actions. */
    public record NewRule(List<PushCondition> conditions, String pattern, List<PushAction> actions) {
        public NewRule {
            conditions = List.copyOf(conditions);
            actions = List.copyOf(actions);
        }

        /** Reads the body; {@code pattern} is required for content rules, {@code actions} always. */
        public static NewRule parse(RuleKind kind, JsonObject body) {
            String pattern = null;
            if (kind == RuleKind.CONTENT) {
                if (!body.has("pattern")) {
                    throw DomainException.badJson("Missing 'pattern'");
                }
                pattern = body.string("pattern")
                        .orElseThrow(() -> DomainException.badJson("'pattern' must be a string"));
            }
            return new NewRule(PushRuleJson.conditions(kind, body), pattern, PushRuleJson.actions(body));
        }
    }

    public List<PushRule> rulesOf(RuleKind kind) {
        return rules.getOrDefault(kind, List.of());
    }

    /**
     * Adds a rule or replaces the user's rule with that id. A new rule becomes the most important of its kind unless
     * {@code before} (it goes just before that rule) or {@code after} (just after it) names another rule of the user;
     * a replaced rule keeps its place and its {@code enabled} unless moved. {@code before} wins when both are given.
     */
    public UserPushRules put(RuleKind kind, String ruleId, NewRule rule, String before, String after) {
        if (DefaultPushRules.isServerDefaultId(ruleId)) {
            throw DomainException.invalidParam("Cannot add new rule_ids that start with '.'");
        }
        if (ruleId.isEmpty() || ruleId.contains("/") || ruleId.contains("\\")) {
            throw DomainException.invalidParam("rule_id may not be empty or contain slashes");
        }
        List<PushRule> list = new ArrayList<>(rulesOf(kind));
        int existing = indexOf(list, ruleId);
        boolean enabled = existing < 0 || list.get(existing).enabled();
        PushRule made = new PushRule(kind, ruleId, false, enabled, rule.conditions(), rule.pattern(), rule.actions());
        String anchor = before != null ? before : after;
        if (anchor == null) {
            if (existing >= 0) {
                list.set(existing, made);
            } else {
                list.addFirst(made);
            }
        } else {
            if (DefaultPushRules.isServerDefaultId(anchor) || anchor.equals(ruleId) || indexOf(list, anchor) < 0) {
                throw new DomainException(ErrorKind.UNKNOWN, "before/after rule not found: " + anchor);
            }
            if (existing >= 0) {
                list.remove(existing);
            }
            int at = indexOf(list, anchor);
            list.add(before != null ? at : at + 1, made);
        }
        return withRules(kind, list);
    }

    /** Removes one of the user's rules; server-default rules cannot be removed; unknown rules are not found. */
    public UserPushRules delete(RuleKind kind, String ruleId, Map<RuleKind, List<PushRule>> serverDefaults) {
        List<PushRule> list = new ArrayList<>(rulesOf(kind));
        int index = indexOf(list, ruleId);
        if (index < 0) {
            if (indexOf(serverDefaults.getOrDefault(kind, List.of()), ruleId) >= 0) {
                throw DomainException.invalidParam("Server-default rules cannot be deleted; disable them instead");
            }
            throw notFound();
        }
        list.remove(index);
        return withRules(kind, list);
    }

    /** Enables or disables a rule of the user or a server-default rule. */
    public UserPushRules setEnabled(RuleKind kind, String ruleId, boolean enabled,
                                    Map<RuleKind, List<PushRule>> serverDefaults) {
        return change(kind, ruleId, serverDefaults, r -> r.withEnabled(enabled),
                c -> new DefaultRuleChange(enabled, c == null ? null : c.actions()));
    }

    /** Sets the actions of a rule of the user or of a server-default rule. */
    public UserPushRules setActions(RuleKind kind, String ruleId, List<PushAction> actions,
                                    Map<RuleKind, List<PushRule>> serverDefaults) {
        return change(kind, ruleId, serverDefaults, r -> r.withActions(actions),
                c -> new DefaultRuleChange(c == null ? null : c.enabled(), actions));
    }

    private UserPushRules change(RuleKind kind, String ruleId, Map<RuleKind, List<PushRule>> serverDefaults,
                                 UnaryOperator<PushRule> ofUserRule,
                                 UnaryOperator<DefaultRuleChange> ofDefault) {
        List<PushRule> list = new ArrayList<>(rulesOf(kind));
        int index = indexOf(list, ruleId);
        if (index >= 0) {
            list.set(index, ofUserRule.apply(list.get(index)));
            return withRules(kind, list);
        }
        if (indexOf(serverDefaults.getOrDefault(kind, List.of()), ruleId) < 0) {
            throw notFound();
        }
        Map<RuleKind, Map<String, DefaultRuleChange>> changed = new EnumMap<>(RuleKind.class);
        changed.putAll(defaults);
        Map<String, DefaultRuleChange> ofKind = new LinkedHashMap<>(defaults.getOrDefault(kind, Map.of()));
        ofKind.put(ruleId, ofDefault.apply(ofKind.get(ruleId)));
        changed.put(kind, ofKind);
        return new UserPushRules(rules, changed);
    }

    /** The change made to a server-default rule, if any. */
    public Optional<DefaultRuleChange> changeOf(RuleKind kind, String ruleId) {
        return Optional.ofNullable(defaults.getOrDefault(kind, Map.of()).get(ruleId));
    }

    private UserPushRules withRules(RuleKind kind, List<PushRule> list) {
        Map<RuleKind, List<PushRule>> changed = new EnumMap<>(RuleKind.class);
        changed.putAll(rules);
        changed.put(kind, list);
        return new UserPushRules(changed, defaults);
    }

    private static int indexOf(List<PushRule> list, String ruleId) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).ruleId().equals(ruleId)) {
                return i;
            }
        }
        return -1;
    }

    private static DomainException notFound() {
        return DomainException.notFound("The push rule was not found.");
    }

    /** The stored form: {@code {"rules": {kind: [rule, ...]}, "defaults": {kind: {ruleId: {enabled, actions}}}}}. */
    public JsonObject toJson() {
        JsonObject.Builder ruleJson = JsonObject.builder();
        rules.forEach((kind, list) -> ruleJson.put(kind.wireName(),
                new JsonArray(list.stream().<JsonValue>map(PushRule::toJson).toList())));
        JsonObject.Builder defaultJson = JsonObject.builder();
        defaults.forEach((kind, changes) -> {
            JsonObject.Builder ofKind = JsonObject.builder();
            changes.forEach((id, change) -> {
                JsonObject.Builder c = JsonObject.builder();
                if (change.enabled() != null) {
                    c.put("enabled", change.enabled());
                }
                if (change.actions() != null) {
                    c.put("actions", PushAction.toJson(change.actions()));
                }
                ofKind.put(id, c.build());
            });
            defaultJson.put(kind.wireName(), ofKind.build());
        });
        return JsonObject.builder().put("rules", ruleJson.build()).put("defaults", defaultJson.build()).build();
    }

    public static UserPushRules parse(String stored) {
        return parse(Json.parseObject(stored));
    }

    public static UserPushRules parse(JsonObject stored) {
        Map<RuleKind, List<PushRule>> rules = new EnumMap<>(RuleKind.class);
        Map<RuleKind, Map<String, DefaultRuleChange>> defaults = new EnumMap<>(RuleKind.class);
        JsonObject ruleJson = stored.object("rules").orElse(JsonObject.EMPTY);
        JsonObject defaultJson = stored.object("defaults").orElse(JsonObject.EMPTY);
        for (RuleKind kind : RuleKind.values()) {
            List<PushRule> list = new ArrayList<>();
            for (JsonValue rule : ruleJson.array(kind.wireName()).orElse(JsonArray.EMPTY).items()) {
                list.add(PushRuleJson.parse(kind, (JsonObject) rule));
            }
            rules.put(kind, list);
            Map<String, DefaultRuleChange> changes = new LinkedHashMap<>();
            defaultJson.object(kind.wireName()).orElse(JsonObject.EMPTY).members().forEach((id, change) -> {
                JsonObject c = (JsonObject) change;
                changes.put(id, new DefaultRuleChange(c.bool("enabled").orElse(null),
                        c.has("actions") ? PushRuleJson.actions(c) : null));
            });
            defaults.put(kind, changes);
        }
        return new UserPushRules(rules, defaults);
    }
}
