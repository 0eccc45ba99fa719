package io.zhihang.adapter.persistence.account;

import io.zhihang.application.port.out.AccountRepository;
import io.zhihang.domain.account.Account;
import io.zhihang.domain.shared.UserId;
import io.zhihang.adapter.persistence.auth.GrantCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import java.util.Optional;

@ApplicationScoped
public class PanacheAccountRepository implements AccountRepository {
    private final UserPanacheRepo repo;
    private final GrantCache grants;

    PanacheAccountRepository(UserPanacheRepo repo, GrantCache grants) {
        this.repo = repo;
        this.grants = grants;
    }

    @Override
    public Optional<Account> find(UserId userId) {
        return repo.findByIdOptional(userId.toString()).map(AccountMapper::toDomain);
    }

    @Override
    public boolean exists(UserId userId) {
        return repo.count("userId", userId.toString()) > 0;
    }

    @Override
    public boolean insert(Account account) {
        if (exists(account.userId())) {
            return false;
        }
        UserEntity entity = new UserEntity();
        AccountMapper.copy(account, entity);
        try {
            repo.persistAndFlush(entity);
            return true;
        } catch (PersistenceException e) {
            return false; // lost a race for the same user id: the caller refuses with M_USER_IN_USE
        }
    }

    @Override
    public void update(Account account) {
        grants.invalidate();
        UserEntity entity = repo.findById(account.userId().toString());
        if (entity == null) {
            throw new IllegalStateException("No such account");
        }
        AccountMapper.copy(account, entity);
    }
}
