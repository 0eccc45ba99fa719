package io.zhihang.application.port.in.delayed;

import java.time.Instant;
import java.util.Objects;

/** When a delayed event is to be sent: after a delay (MSC4140's {@code delay} in milliseconds), or at a set time. */
public sealed interface SendTime {
    /** {@code millis} after the request; checked against the server's limits when scheduling. */
    record AfterDelay(long millis) implements SendTime {
    }

    /** At {@code instant} (a scheduled message's {@code scheduled_time}); it must lie in the future. */
    record At(Instant instant) implements SendTime {
        public At {
            Objects.requireNonNull(instant, "instant");
        }
    }
}
