package io.zhihang.application.port.out;

import io.zhihang.domain.account.Account;
import io.zhihang.domain.shared.UserId;

import java.util.Optional;

/** Local accounts. */
public interface AccountRepository {
    Optional<Account> find(UserId userId);

    boolean exists(UserId userId);

    /** Stores a new account; returns false if the user id is already taken. */
    boolean insert(Account account);

    void update(Account account);
}
