package io.zhihang.adapter.persistence.erasure;

import io.zhihang.application.port.out.ErasedUsers;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code erased_users} table: one row a user, written once when they deactivate with {@code erase}. */
@ApplicationScoped
public class PanacheErasedUsers implements ErasedUsers {
    private final ErasedUserPanacheRepo repo;

    PanacheErasedUsers(ErasedUserPanacheRepo repo) {
        this.repo = repo;
    }

    @Override
    public void erase(UserId user, Instant at) {
        if (repo.findByIdOptional(user.toString()).isEmpty()) {
            ErasedUserEntity e = new ErasedUserEntity();
            e.userId = user.toString();
            e.erasedAt = at;
            repo.persist(e);
        }
    }

    @Override
    public Set<String> erasedAmong(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return repo.list("userId in ?1", List.copyOf(userIds)).stream().map(e -> e.userId)
                .collect(Collectors.toUnmodifiableSet());
    }
}
