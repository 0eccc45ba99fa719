package io.zhihang.server.api;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;

/**
 * The server's clock under a test's control: it follows the system clock until {@link #freeze} stops it, and
 * {@link #advance} moves it from there. An alternative, enabled only by {@link ControlledClockProfile}, so every other
 * test keeps the real clock.
 */
@Alternative
@Singleton
public class TestClock implements InstantSource {
    private volatile Instant frozen;

    @Override
    public Instant instant() {
        Instant at = frozen;
        return at != null ? at : Instant.now();
    }

    /** Stops the clock at the current millisecond (events carry milliseconds) and returns that instant. */
    public synchronized Instant freeze() {
        frozen = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return frozen;
    }

    /** Sets the stopped clock to {@code at}. */
    public synchronized void set(Instant at) {
        frozen = at;
    }

    /** Moves the stopped clock on by {@code by}. */
    public synchronized Instant advance(Duration by) {
        if (frozen == null) {
            throw new IllegalStateException("Freeze the clock before moving it");
        }
        frozen = frozen.plus(by);
        return frozen;
    }

    /** Back to the system clock. */
    public synchronized void release() {
        frozen = null;
    }
}
