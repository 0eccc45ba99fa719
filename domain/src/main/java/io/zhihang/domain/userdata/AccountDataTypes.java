package io.zhihang.domain.userdata;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;

/** The account data types the server gives a meaning to, and which of them clients may write directly. */
public final class AccountDataTypes {
    /** Room account data: the read marker, {@code {"event_id": …}}; written through {@code /read_markers}. */
    public static final String FULLY_READ = "m.fully_read";
    /** Global account data: the push rules; written through {@code /pushrules}. */
    public static final String PUSH_RULES = "m.push_rules";
    /** Room account data: the room's tags, {@code {"tags": {name: {order?}}}}. */
    public static final String TAG = "m.tag";
    /** Stored in a column of this width (characters). */
    public static final int MAX_TYPE_LENGTH = 255;

    private AccountDataTypes() {
    }

    /**
     * Refuses ({@code 405 M_BAD_JSON}, as the spec and Synapse answer) the types that have their own endpoint, and
     * types that are empty or too long to store ({@code 400 M_INVALID_PARAM}).
     */
    public static void ensureClientMayWrite(String type) {
        ensureValid(type);
        if (FULLY_READ.equals(type)) {
            throw new DomainException(ErrorKind.SERVER_CONTROLLED,
                    "Cannot set m.fully_read through this API. Use /rooms/!roomId:server.name/read_markers");
        }
        if (PUSH_RULES.equals(type)) {
            throw new DomainException(ErrorKind.SERVER_CONTROLLED, "Cannot set m.push_rules through this API. Use /pushrules");
        }
    }

    /** A type is a non-empty string of at most {@value #MAX_TYPE_LENGTH} characters. */
    public static void ensureValid(String type) {
        if (type == null || type.isEmpty()) {
            throw DomainException.invalidParam("The account data type must not be empty");
        }
        if (type.length() > MAX_TYPE_LENGTH) {
            throw DomainException.invalidParam("The account data type is longer than " + MAX_TYPE_LENGTH + " characters");
        }
    }
}
