package io.zhihang.application.port.in.push;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.push.RuleKind;

/**
 * Reading push rules: the API's reads, and what {@code /sync} needs to send the {@code m.push_rules} global account
 * data.
 * <p>
 * For sync: each user's rules have a version, 0 until they first change them, growing by one with every change (a
 * per-user counter, so it has no visibility gaps: changes to one user's rules commit in order). A sync token can carry
 * the version it saw; {@link #pushRulesChangedSince} then tells whether to send {@link #pushRulesAccountData} again.
 * An initial sync (no token) always sends it, since every user has rules (the server's defaults) even at version 0.
 */
public interface PushRuleQueries {
    /** The user's rules in force, the {@code global} of {@code GET /pushrules/}: {@code {override, content, ...}}. */
    JsonObject ruleset(Requester requester);

    /** One rule in force; 404 {@code M_NOT_FOUND} if there is none. */
    JsonObject rule(Requester requester, RuleKind kind, String ruleId);

    boolean enabled(Requester requester, RuleKind kind, String ruleId);

    JsonArray actions(Requester requester, RuleKind kind, String ruleId);

    /** The content of the user's {@code m.push_rules} account data event: {@code {"global": {...}}}. */
    JsonObject pushRulesAccountData(String userId);

    /** The version of the user's push rules (0 if they never changed them). */
    long pushRulesPosition(String userId);

    /** Whether the user's push rules changed after version {@code since}. */
    boolean pushRulesChangedSince(String userId, long since);
}
