package io.zhihang.domain.push;

import io.zhihang.domain.protocol.json.JsonBool;

import java.util.List;

/**
 * The outcome of evaluating a user's push rules for an event: the actions of the first matching rule (none when no
 * rule matched, or when it was {@code .m.rule.master} or another rule without actions).
 *
 * @param ruleId the rule that matched, or null
 */
public record PushDecision(String ruleId, List<PushAction> actions) {
    public static final PushDecision NOTHING = new PushDecision(null, List.of());

    public PushDecision {
        actions = List.copyOf(actions);
    }

    /** Whether the event notifies the user. */
    public boolean notifies() {
        return actions.contains(PushAction.NOTIFY);
    }

    /**
     * Whether the event is highlighted: the last {@code highlight} tweak, {@code true} when it has no value; false
     * without one.
     */
    public boolean highlights() {
        boolean highlight = false;
        for (PushAction action : actions) {
            if (action instanceof PushAction.SetTweak tweak && tweak.tweak().equals("highlight")) {
                highlight = tweak.value() == null || JsonBool.TRUE.equals(tweak.value());
            }
        }
        return highlight;
    }
}
