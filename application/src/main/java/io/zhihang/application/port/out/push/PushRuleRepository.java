package io.zhihang.application.port.out.push;

import io.zhihang.domain.push.UserPushRules;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What each user changed in their push rules, stored as one document per user with a version that grows by one with
 * every change (0: never changed).
 */
public interface PushRuleRepository {
    /** Serialises changes to one user's rules until commit, so that two clients editing at once lose nothing. */
    void lock(String userId);

    Optional<StoredPushRules> find(String userId);

    /** The stored rules of several users; users who never changed their rules are absent. */
    Map<String, StoredPushRules> findAll(Collection<String> userIds);

    /** Inserts or replaces the user's document. */
    void save(String userId, StoredPushRules rules);

    record StoredPushRules(UserPushRules rules, long version) {
        public static final StoredPushRules NONE = new StoredPushRules(UserPushRules.NONE, 0);
    }
}
