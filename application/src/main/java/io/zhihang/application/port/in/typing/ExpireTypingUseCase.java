package io.zhihang.application.port.in.typing;

import java.time.Instant;

public interface ExpireTypingUseCase {
    /** Ends the typing notices that ran out by {@code now}, moving the typing position for their rooms. */
    void expire(Instant now);
}
