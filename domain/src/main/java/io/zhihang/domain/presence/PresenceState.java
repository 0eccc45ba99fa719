package io.zhihang.domain.presence;

import io.zhihang.domain.shared.DomainException;

/** The spec's presence states (Synapse's {@code busy} is an unstable extension and not offered). */
public enum PresenceState {
    ONLINE("online"),
    UNAVAILABLE("unavailable"),
    OFFLINE("offline");

    private final String value;

    PresenceState(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** The state named {@code value}; anything else is {@code M_INVALID_PARAM}. */
    public static PresenceState parse(String value) {
        for (PresenceState state : values()) {
            if (state.value.equals(value)) {
                return state;
            }
        }
        throw DomainException.invalidParam("Invalid presence state: " + value);
    }
}
