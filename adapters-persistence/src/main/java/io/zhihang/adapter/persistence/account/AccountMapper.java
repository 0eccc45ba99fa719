package io.zhihang.adapter.persistence.account;

import io.zhihang.domain.account.Account;
import io.zhihang.domain.shared.UserId;

final class AccountMapper {
    private AccountMapper() {
    }

    static Account toDomain(UserEntity e) {
        return new Account(UserId.parse(e.userId), e.passwordHash, e.admin, e.deactivated, e.createdAt, e.guest);
    }

    static void copy(Account a, UserEntity e) {
        e.userId = a.userId().toString();
        e.passwordHash = a.passwordHash();
        e.admin = a.admin();
        e.deactivated = a.deactivated();
        e.createdAt = a.createdAt();
        e.guest = a.guest();
    }
}
