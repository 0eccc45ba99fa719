package io.zhihang.application.service.lifecycle;

import io.zhihang.application.config.DecryptAttemptSettings;
import io.zhihang.domain.ratelimit.RateLimiter;
import io.zhihang.domain.shared.EventId;
import io.zhihang.domain.shared.RateLimitedException;
import io.zhihang.domain.shared.UserId;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The brute-force guard of password-encrypted messages. Only failures count (reading a message you can open is not
 * limited): past {@link DecryptAttemptSettings#perMessage()} failures by a user on one message, or
 * {@link DecryptAttemptSettings#perUser()} on all, further attempts are refused with {@code 429 M_LIMIT_EXCEEDED} and the
 * wait, before any key is derived. One attempt per user and message runs at a time; a second one meanwhile is refused
 * too, so parallel requests cannot slip guesses past the count. Counts live in memory, per instance, like the other
 * rate limits.
 */
public final class DecryptAttempts {
    /** What a client told "one already in progress" should wait: about the time of one key derivation, rounded up. */
    static final Duration IN_PROGRESS_RETRY = Duration.ofSeconds(1);

    private final boolean enabled;
    private final RateLimiter perMessage;
    private final RateLimiter perUser;
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();

    public DecryptAttempts(DecryptAttemptSettings settings) {
        this.enabled = settings.enabled();
        this.perMessage = new RateLimiter(settings.perMessage());
        this.perUser = new RateLimiter(settings.perUser());
    }

    /**
     * Runs {@code opening} (which derives the key and decrypts) unless {@code user} has failed too often, and counts a
     * failure when it comes back empty. The caller turns empty into {@code 403}.
     *
     * @throws RateLimitedException when too many attempts failed recently, or one is in progress
     */
    public <T> Optional<T> attempt(UserId user, EventId message, Instant now, Supplier<Optional<T>> opening) {
        if (!enabled) {
            return opening.get();
        }
        String userKey = user.toString();
        String messageKey = userKey + "\n" + message.value();
        perMessage.ensureRoom(messageKey, now);
        perUser.ensureRoom(userKey, now);
        if (!inProgress.add(messageKey)) {
            throw new RateLimitedException(IN_PROGRESS_RETRY, "A decryption of this message is in progress");
        }
        try {
            Optional<T> opened = opening.get();
            if (opened.isEmpty()) {
                perMessage.tryAcquire(messageKey, now);
                perUser.tryAcquire(userKey, now);
            }
            return opened;
        } finally {
            inProgress.remove(messageKey);
        }
    }
}
