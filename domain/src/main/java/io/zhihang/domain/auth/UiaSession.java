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
 * <p>
 * Like Synapse's, a session remembers the parameters of the request that began it ({@code clientParams}, a JSON
 * object without {@code auth} or any password), so later requests may send only {@code auth}; a password given
 * along the way is remembered as its hash only. {@code result} is what the completed operation produced (for
 * registration, the user id), so that repeating the last request answers the same instead of acting twice.
 */
public record UiaSession(String id, String purpose, String boundUser, Set<String> completed, Instant createdAt,
                         String clientParams, String passwordHash, String result) {
    public static final Duration LIFETIME = Duration.ofMinutes(30);

    public UiaSession {
        completed = Set.copyOf(completed);
    }

    public UiaSession(String id, String purpose, String boundUser, Set<String> completed, Instant createdAt) {
        this(id, purpose, boundUser, completed, createdAt, null, null, null);
    }

    public static UiaSession start(String id, String purpose, String boundUser, Instant now) {
        return new UiaSession(id, purpose, boundUser, Set.of(), now);
    }

    /** The parameters in force: a request that brings parameters replaces the remembered ones (as in Synapse). */
    public UiaSession withClientParams(String params) {
        return params == null ? this
                : new UiaSession(id, purpose, boundUser, completed, createdAt, params, passwordHash, result);
    }

    public UiaSession withPasswordHash(String hash) {
        return new UiaSession(id, purpose, boundUser, completed, createdAt, clientParams, hash, result);
    }

    public UiaSession withResult(String value) {
        return new UiaSession(id, purpose, boundUser, completed, createdAt, clientParams, passwordHash, value);
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
        return new UiaSession(id, purpose, boundUser, next, createdAt, clientParams, passwordHash, result);
    }

    public boolean satisfies(List<UiaFlow> flows) {
        return flows.stream().anyMatch(f -> f.completedBy(completed));
    }

    /** Whether {@code stage} is the next stage of some flow still open to this session. */
    public boolean mayAttempt(String stage, List<UiaFlow> flows) {
        return flows.stream().anyMatch(f -> f.includes(stage) && completed.stream().allMatch(f::includes));
    }
}
