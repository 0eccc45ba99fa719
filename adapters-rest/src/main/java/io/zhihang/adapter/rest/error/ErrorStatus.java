package io.zhihang.adapter.rest.error;

import io.zhihang.domain.shared.ErrorKind;

/** The HTTP status of each error kind, as the spec (and Synapse) answer them. */
final class ErrorStatus {
    private ErrorStatus() {
    }

    static int of(ErrorKind kind) {
        return switch (kind) {
            case FORBIDDEN, USER_DEACTIVATED, GUEST_ACCESS_FORBIDDEN, WRONG_ROOM_KEYS_VERSION, PREVIEW_BLOCKED -> 403;
            case PREVIEW_UNAVAILABLE, PREVIEW_TOO_LARGE -> 502;
            case NOT_FOUND, UNRECOGNIZED -> 404;
            case MISSING_TOKEN, UNKNOWN_TOKEN, UNAUTHORIZED -> 401;
            case LIMIT_EXCEEDED -> 429;
            case TOO_LARGE -> 413;
            case CONFLICT, CANNOT_OVERWRITE_MEDIA -> 409;
            case NOT_YET_UPLOADED -> 504;
            case SERVER_CONTROLLED -> 405;
            case BAD_JSON, NOT_JSON, MISSING_PARAM, INVALID_PARAM, UNKNOWN, USER_IN_USE, INVALID_USERNAME, EXCLUSIVE,
                 WEAK_PASSWORD, UNSUPPORTED_ROOM_VERSION, ROOM_IN_USE, INVALID_ROOM_STATE, BAD_ALIAS,
                 UNRECOGNIZED_REQUEST, INVALID_SIGNATURE, THREEPID_CHANGES_DISABLED,
                 THREEPID_MEDIUM_NOT_SUPPORTED, SERVER_NOT_TRUSTED -> 400;
        };
    }
}
