package io.zhihang.application.port.in.push;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.push.PushAction;
import io.zhihang.domain.push.RuleKind;

import java.util.List;

/**
 * Changing one's push rules ({@code PUT/DELETE /pushrules/global/...}). Every change bumps the user's push rules
 * version and wakes their {@code /sync} (which sends the new {@code m.push_rules}).
 */
public interface ManagePushRulesUseCase {
    /** Adds or replaces a rule of the user's own (ids starting with {@code .} are the server's and refused). */
    void put(PutPushRuleCommand command);

    /** Removes a rule of the user's own: 404 if there is none, 400 for a server-default rule. */
    void delete(Requester requester, RuleKind kind, String ruleId);

    /** Enables or disables any rule, the server's included; 404 if unknown. */
    void setEnabled(Requester requester, RuleKind kind, String ruleId, boolean enabled);

    /** Sets the actions of any rule, the server's included; 404 if unknown. */
    void setActions(Requester requester, RuleKind kind, String ruleId, List<PushAction> actions);
}
