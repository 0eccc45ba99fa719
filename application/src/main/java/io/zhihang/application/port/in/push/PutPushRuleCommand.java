package io.zhihang.application.port.in.push;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.push.RuleKind;
import io.zhihang.domain.push.UserPushRules;

import java.util.Objects;

/**
 * {@code PUT /pushrules/global/{kind}/{ruleId}}: the rule as sent, and where it goes ({@code before} or {@code after}
 * another rule of the user's, or null).
 */
public record PutPushRuleCommand(Requester requester, RuleKind kind, String ruleId, UserPushRules.NewRule rule,
                                 String before, String after) {
    public PutPushRuleCommand {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(rule, "rule");
    }
}
