package io.zhihang.adapter.rest.client;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;

/** User ids from request paths: a malformed one is {@code 400 M_INVALID_PARAM}. */
public final class UserIds {
    private UserIds() {
    }

    public static UserId parse(String raw) {
        try {
            return UserId.parse(raw);
        } catch (DomainException e) {
            throw DomainException.invalidParam("Invalid user id: " + raw);
        }
    }
}
