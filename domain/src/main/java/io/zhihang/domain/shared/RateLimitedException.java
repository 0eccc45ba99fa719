package io.zhihang.domain.shared;

import java.time.Duration;

/** Too many requests: the client may retry after {@link #retryAfter()}. */
public final class RateLimitedException extends DomainException {
    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        this(retryAfter, "Too many requests");
    }

    public RateLimitedException(Duration retryAfter, String message) {
        super(ErrorKind.LIMIT_EXCEEDED, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
