package io.zhihang.application.fakes;

import io.zhihang.application.port.out.AccountRepository;
import io.zhihang.domain.account.Account;
import io.zhihang.domain.shared.UserId;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Accounts in a map, for tests. */
public class InMemoryAccountRepository implements AccountRepository {
    private final Map<UserId, Account> accounts = new ConcurrentHashMap<>();

    @Override
    public Optional<Account> find(UserId userId) {
        return Optional.ofNullable(accounts.get(userId));
    }

    @Override
    public boolean exists(UserId userId) {
        return accounts.containsKey(userId);
    }

    @Override
    public boolean insert(Account account) {
        return accounts.putIfAbsent(account.userId(), account) == null;
    }

    @Override
    public void update(Account account) {
        if (accounts.replace(account.userId(), account) == null) {
            throw new IllegalStateException("No account " + account.userId() + " to update");
        }
    }

    public int size() {
        return accounts.size();
    }
}
