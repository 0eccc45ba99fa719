package io.zhihang.adapter.persistence.push;

import io.zhihang.application.port.out.push.PushRuleRepository;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.push.UserPushRules;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class PanachePushRuleRepository implements PushRuleRepository {
    private final PushRulesPanacheRepo repo;

    PanachePushRuleRepository(PushRulesPanacheRepo repo) {
        this.repo = repo;
    }

    /** Locks the user's row in {@code users}: it exists for every local user, even before their first change. */
    @Override
    public void lock(String userId) {
        List<?> locked = repo.getEntityManager()
                .createNativeQuery("SELECT user_id FROM users WHERE user_id = ?1 FOR UPDATE")
                .setParameter(1, userId)
                .getResultList();
        if (locked.isEmpty()) {
            throw new IllegalStateException("No user " + userId);
        }
    }

    @Override
    public Optional<StoredPushRules> find(String userId) {
        return repo.findByIdOptional(userId).map(PanachePushRuleRepository::toStored);
    }

    @Override
    public Map<String, StoredPushRules> findAll(Collection<String> userIds) {
        Map<String, StoredPushRules> found = new HashMap<>();
        if (!userIds.isEmpty()) {
            repo.list("userId in ?1", userIds).forEach(e -> found.put(e.userId, toStored(e)));
        }
        return found;
    }

    @Override
    public void save(String userId, StoredPushRules rules) {
        PushRulesEntity e = repo.findById(userId);
        if (e == null) {
            e = new PushRulesEntity();
            e.userId = userId;
            e.version = rules.version();
            e.rules = CanonicalJson.encode(rules.rules().toJson());
            repo.persist(e);
        } else {
            e.version = rules.version();
            e.rules = CanonicalJson.encode(rules.rules().toJson());
        }
    }

    private static StoredPushRules toStored(PushRulesEntity e) {
        return new StoredPushRules(UserPushRules.parse(e.rules), e.version);
    }
}
