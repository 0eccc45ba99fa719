package io.zhihang.domain.room;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;

import java.util.Optional;

/** The little the auth rules need to know about identifiers. */
final class Ids {
    private Ids() {
    }

    /** The server part of a {@code @user:server}, {@code !room:server} or v1/v2 {@code $event:server} id. */
    static Optional<String> domainOf(String id) {
        int colon = id.indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.of(id.substring(colon + 1));
    }

    /** The user id grammar applied to {@code sender}, historical localparts included. */
    static boolean isValidUserId(String userId) {
        try {
            UserId.parse(userId);
            return true;
        } catch (DomainException | IllegalArgumentException invalid) {
            return false;
        }
    }
}
