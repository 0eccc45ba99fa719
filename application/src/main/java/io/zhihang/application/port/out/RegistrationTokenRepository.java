package io.zhihang.application.port.out;

import io.zhihang.domain.auth.RegistrationToken;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Registration tokens made through the admin API, and the holds registrations in progress have on them. A hold
 * made at or before {@code liveSince} (its UIA session has expired) no longer counts as pending.
 */
public interface RegistrationTokenRepository {
    List<RegistrationToken> all(Instant liveSince);

    Optional<RegistrationToken> find(String token, Instant liveSince);

    /** False when the token exists already. */
    boolean insert(String token, Integer usesAllowed, Long expiryTime);

    /** Sets both attributes; false when the token is unknown. */
    boolean update(String token, Integer usesAllowed, Long expiryTime);

    boolean delete(String token);

    /**
     * Holds one use of the token for a UIA session, under the token row's lock so that two registrations cannot
     * take the last use: true when the session holds it now (or held it already), false when the token is unknown,
     * expired or used up at {@code now}.
     */
    boolean hold(String token, String sessionId, Instant now, Instant liveSince);

    /** Turns the session's hold, if any, into a completed use. */
    void complete(String sessionId);
}
