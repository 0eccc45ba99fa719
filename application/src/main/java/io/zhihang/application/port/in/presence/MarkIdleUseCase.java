package io.zhihang.application.port.in.presence;

import java.time.Instant;

public interface MarkIdleUseCase {
    /** Online users inactive for five minutes become unavailable (Synapse's idle timer). */
    void markIdle(Instant now);
}
