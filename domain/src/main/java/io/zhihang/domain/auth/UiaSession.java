package io.zhihang.domain.auth;

import io.zhihang.domain.shared.DomainException;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A User-Interactive Authentication session. It is bound to one operation ({@code purpose}, e.g. the request's
 * method and path) and, for authenticated endpoints, to one user; a session started for one cannot complete another.
 */
public record UiaSession(String id, String purpose, String boundUser, Set<String> completed, Instant createdAt) {
    public static final Duration LIFETIME = Duration.ofMinutes(30);

    public UiaSession {
        completed = Set.copyOf(completed);
    }

    public static UiaSession start(String id, String purpose, String boundUser, Instant now) {
        return new UiaSession(id, purpose, boundUser, Set.of(), now);
    }

    public boolean isExpired(Instant now) {
        return now.isAfter(createdAt.plus(LIFETIME));
    }

    /** Checks that this session belongs to the operation (and user) now being authorised. */
    public void ensureBoundTo(String purpose, String user) {
        if (!this.purpose.equals(purpose) || (boundUser != null && !boundUser.equals(user))) {
            throw DomainException.forbidden("This authentication session belongs to another request");
        }
    }

    public UiaSession complete(String stage) {
        Set<String> next = new LinkedHashSet<>(completed);
        next.add(stage);
        return new UiaSession(id, purpose, boundUser, next, createdAt);
    }

    public boolean satisfies(List<UiaFlow> flows) {
        return flows.stream().anyMatch(f -> f.completedBy(completed));
    }

    /** Whether {@code stage} is the next stage of some flow still open to this session. */
    public boolean mayAttempt(String stage, List<UiaFlow> flows) {
        return flows.stream().anyMatch(f -> f.includes(stage) && completed.stream().allMatch(f::includes));
    }
}
