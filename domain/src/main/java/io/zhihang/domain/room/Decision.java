package io.zhihang.domain.room;

import io.zhihang.domain.shared.DomainException;

import java.util.Objects;

/**
 * The outcome of a policy: {@link Allowed}, or {@link Denied} with a reason safe to show to the sender. Callers that
 * must branch switch over the two records; callers that must refuse use {@link #isAllowed()} and {@link Denied#reason()}.
 */
public sealed interface Decision permits Decision.Allowed, Decision.Denied {

    Allowed ALLOWED = new Allowed();

    static Decision allow() {
        return ALLOWED;
    }

    static Decision deny(String reason) {
        return new Denied(reason);
    }

    default boolean isAllowed() {
        return this instanceof Allowed;
    }

    /** Refuses ({@code M_FORBIDDEN}, with the reason) unless allowed. */
    default void ensureAllowed() {
        if (this instanceof Denied denied) {
            throw DomainException.forbidden(denied.reason());
        }
    }

    record Allowed() implements Decision {
    }

    record Denied(String reason) implements Decision {
        public Denied {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
