package io.zhihang.domain.shared;

/**
 * What went wrong, in the Matrix vocabulary. Each kind carries the spec's {@code errcode};
 * the HTTP edge decides the status code.
 */
public enum ErrorKind {
    FORBIDDEN("M_FORBIDDEN"),
    NOT_FOUND("M_NOT_FOUND"),
    BAD_JSON("M_BAD_JSON"),
    NOT_JSON("M_NOT_JSON"),
    MISSING_PARAM("M_MISSING_PARAM"),
    INVALID_PARAM("M_INVALID_PARAM"),
    UNKNOWN("M_UNKNOWN"),
    USER_IN_USE("M_USER_IN_USE"),
    INVALID_USERNAME("M_INVALID_USERNAME"),
    EXCLUSIVE("M_EXCLUSIVE"),
    USER_DEACTIVATED("M_USER_DEACTIVATED"),
    WEAK_PASSWORD("M_WEAK_PASSWORD"),
    GUEST_ACCESS_FORBIDDEN("M_GUEST_ACCESS_FORBIDDEN"),
    MISSING_TOKEN("M_MISSING_TOKEN"),
    UNKNOWN_TOKEN("M_UNKNOWN_TOKEN"),
    UNAUTHORIZED("M_UNAUTHORIZED"),
    LIMIT_EXCEEDED("M_LIMIT_EXCEEDED"),
    TOO_LARGE("M_TOO_LARGE"),
    UNRECOGNIZED("M_UNRECOGNIZED"),
    /**
     * A path whose beginning names an endpoint but whose rest cannot be understood (Synapse's
     * {@code UnrecognizedRequestError}: 400 with {@code M_UNRECOGNIZED}, where an unknown path is a 404).
     */
    UNRECOGNIZED_REQUEST("M_UNRECOGNIZED"),
    UNSUPPORTED_ROOM_VERSION("M_UNSUPPORTED_ROOM_VERSION"),
    ROOM_IN_USE("M_ROOM_IN_USE"),
    /** {@code /createRoom}: the initial state its parameters imply is invalid (400), e.g. a join rule the version lacks. */
    INVALID_ROOM_STATE("M_INVALID_ROOM_STATE"),
    /** An {@code m.room.canonical_alias} naming an alias that does not point to the room (400). */
    BAD_ALIAS("M_BAD_ALIAS"),
    /** Keys written to a key backup that is not the current one (the body names {@code current_version}). */
    WRONG_ROOM_KEYS_VERSION("M_WRONG_ROOM_KEYS_VERSION"),
    /** A signature on a key (device keys, cross-signing keys) does not verify, or is missing. */
    INVALID_SIGNATURE("M_INVALID_SIGNATURE"),
    /** Media reserved with {@code /create} whose bytes have not arrived within the wait (504). */
    NOT_YET_UPLOADED("M_NOT_YET_UPLOADED"),
    /** An upload to a media id that already has content (409). */
    CANNOT_OVERWRITE_MEDIA("M_CANNOT_OVERWRITE_MEDIA"),
    /** Something with that name exists already; the spec answers these with 409 and {@code M_UNKNOWN}. */
    CONFLICT("M_UNKNOWN"),
    /**
     * Data the server controls that clients may not write through this endpoint (account data {@code m.fully_read}
     * and {@code m.push_rules}); the spec answers 405 with {@code M_BAD_JSON}.
     */
    SERVER_CONTROLLED("M_BAD_JSON"),
    /** Third-party identifier changes are off on this server; Synapse answers 400 with {@code M_FORBIDDEN}. */
    THREEPID_CHANGES_DISABLED("M_FORBIDDEN"),
    /** A third-party medium (email, phone) the server cannot verify. */
    THREEPID_MEDIUM_NOT_SUPPORTED("M_THREEPID_MEDIUM_NOT_SUPPORTED"),
    /** The request names a third-party server (an identity server) that this server does not trust. */
    SERVER_NOT_TRUSTED("M_SERVER_NOT_TRUSTED"),
    /**
     * A URL preview of an address the server may not connect to (a private or loopback one); Synapse answers 403 with
     * {@code M_UNKNOWN} ("IP address blocked").
     */
    PREVIEW_BLOCKED("M_UNKNOWN"),
    /**
     * A URL preview whose page could not be fetched: no usable address, no answer in time, an error status, a type
     * that cannot be previewed; Synapse answers 502 with {@code M_UNKNOWN}.
     */
    PREVIEW_UNAVAILABLE("M_UNKNOWN"),
    /** A URL preview whose page is larger than the previewer reads; Synapse answers 502 with {@code M_TOO_LARGE}. */
    PREVIEW_TOO_LARGE("M_TOO_LARGE");

    private final String errcode;

    ErrorKind(String errcode) {
        this.errcode = errcode;
    }

    public String errcode() {
        return errcode;
    }
}
