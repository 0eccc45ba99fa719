package io.zhihang.domain.lifecycle;

import io.zhihang.domain.shared.DomainException;

/**
 * What may be forwarded: a message (not a state event, not an encrypted one, whose text the server cannot copy) that
 * was not recalled, to a named target. Whether the forwarder may read the source and post in the target is the rooms'
 * own rule, checked when the copy is sent.
 */
public final class ForwardRule {
    private ForwardRule() {
    }

    /**
     * @param recalled  whether the source was redacted
     * @param isMessage whether the source is a message the seed knows ({@link MessageType#of})
     * @param hasTarget whether a target chat or user was named
     */
    public static void check(boolean recalled, boolean isMessage, boolean hasTarget) {
        if (recalled) {
            throw DomainException.invalidParam("A recalled message cannot be forwarded");
        }
        if (!hasTarget) {
            throw DomainException.missingParam("target_chat_id or target_user_id is required");
        }
        if (!isMessage) {
            throw DomainException.invalidParam("Only messages can be forwarded (this one is encrypted or not a message)");
        }
    }
}
