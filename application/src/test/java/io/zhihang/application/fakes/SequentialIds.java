package io.zhihang.application.fakes;

import io.zhihang.application.port.out.IdGenerator;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Deterministic ids: {@code DEVICE1}, {@code secret1}, {@code user1}, {@code roomA}, ... each with its own counter.
 * Room id localparts are letters only, as the port asks, so they count {@code A, B, ..., Z, BA, BB, ...}.
 */
public class SequentialIds implements IdGenerator {
    private final AtomicInteger devices = new AtomicInteger();
    private final AtomicInteger secrets = new AtomicInteger();
    private final AtomicInteger localparts = new AtomicInteger();
    private final AtomicInteger rooms = new AtomicInteger();
    private final AtomicInteger events = new AtomicInteger();

    @Override
    public String deviceId() {
        return "DEVICE" + devices.incrementAndGet();
    }

    @Override
    public String secret() {
        return "secret" + secrets.incrementAndGet();
    }

    @Override
    public String localpart() {
        return "user" + localparts.incrementAndGet();
    }

    @Override
    public String guestLocalpart() {
        return Integer.toString(localparts.incrementAndGet());
    }

    @Override
    public String roomIdLocalpart() {
        StringBuilder letters = new StringBuilder();
        int n = rooms.getAndIncrement();
        do {
            letters.insert(0, (char) ('A' + n % 26));
            n /= 26;
        } while (n > 0);
        return "room" + letters;
    }

    @Override
    public String eventIdLocalpart() {
        return "event" + events.incrementAndGet();
    }
}
