package io.zhihang.application.port.out;

import io.zhihang.domain.shared.UserId;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/** Users who asked, when deactivating their account, for their messages to be erased; shared by all instances. */
public interface ErasedUsers {
    /** Marks the user erased (again is harmless). */
    void erase(UserId user, Instant at);

    /** Those of {@code userIds} who are erased. */
    Set<String> erasedAmong(Collection<String> userIds);
}
