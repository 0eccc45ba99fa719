package io.zhihang.domain.delayed;

import io.zhihang.domain.shared.DomainException;

/** What the owner may do to a scheduled delayed event (MSC4140's management actions). */
public enum DelayedEventAction {
    /** Never send it. */
    CANCEL("cancel"),
    /** Start the delay again from now: the event is due at now + its original delay. */
    RESTART("restart"),
    /** Send it now instead of at its due time. */
    SEND("send");

    private final String wireName;

    DelayedEventAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The action named {@code cancel}, {@code restart} or {@code send}; anything else is {@code M_INVALID_PARAM}. */
    public static DelayedEventAction parse(String name) {
        for (DelayedEventAction action : values()) {
            if (action.wireName.equals(name)) {
                return action;
            }
        }
        throw DomainException.invalidParam("'action' is not one of 'cancel', 'restart', 'send'");
    }
}
