package io.zhihang.application.service.userdata;

import io.zhihang.domain.shared.UserId;

import java.util.Set;

/**
 * A client added {@code ignored} to {@code user}'s {@code m.ignored_user_list} (Element's "ignore"); fired in the
 * transaction of the write. The friend layer treats it as the block it is (ADR 0009).
 */
public record UsersIgnored(UserId user, Set<String> ignored) {
    public UsersIgnored {
        ignored = Set.copyOf(ignored);
    }
}
