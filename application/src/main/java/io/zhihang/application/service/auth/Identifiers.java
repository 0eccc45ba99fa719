package io.zhihang.application.service.auth;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ServerName;
import io.zhihang.domain.shared.UserId;

import java.util.Locale;

/** Reads what clients send to name a user: a full user id, or a bare localpart of this server. */
final class Identifiers {
    private Identifiers() {
    }

    /** The user id named; bare localparts are lower-cased (user ids are registered in lower case). */
    static UserId resolveUser(String given, ServerName server) {
        if (given.startsWith("@")) {
            UserId parsed = UserId.parse(given);
            return new UserId(parsed.localpart().toLowerCase(Locale.ROOT), parsed.server());
        }
        try {
            return new UserId(given.toLowerCase(Locale.ROOT), server);
        } catch (DomainException e) {
            throw DomainException.forbidden("Invalid username or password");
        }
    }
}
