package io.zhihang.application.fakes;

import io.zhihang.application.port.out.IdGenerator;

import java.util.concurrent.atomic.AtomicInteger;

/** Deterministic ids: {@code DEVICE1}, {@code secret1}, {@code user1}, ... each with its own counter. */
public class SequentialIds implements IdGenerator {
    private final AtomicInteger devices = new AtomicInteger();
    private final AtomicInteger secrets = new AtomicInteger();
    private final AtomicInteger localparts = new AtomicInteger();

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
}
