package io.zhihang.domain.delayed;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;

import java.time.Duration;

/**
 * A delay longer than the server allows. Synapse answers 400 {@code M_UNKNOWN} with the unstable fields
 * {@code org.matrix.msc4140.errcode: M_MAX_DELAY_EXCEEDED} and {@code org.matrix.msc4140.max_delay} (milliseconds),
 * which Element Call reads to retry with a shorter delay.
 */
public final class MaxDelayExceededException extends DomainException {
    private static final long serialVersionUID = 1L;

    private final transient Duration maxDelay;

    public MaxDelayExceededException(Duration maxDelay) {
        super(ErrorKind.UNKNOWN, "The requested delay exceeds the allowed maximum.");
        this.maxDelay = maxDelay;
    }

    public Duration maxDelay() {
        return maxDelay;
    }
}
