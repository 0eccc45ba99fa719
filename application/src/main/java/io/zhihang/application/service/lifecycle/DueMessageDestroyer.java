package io.zhihang.application.service.lifecycle;

import io.zhihang.application.port.out.lifecycle.EncryptedMessages;
import io.zhihang.application.port.out.lifecycle.SelfDestructs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** One due message: claimed and destroyed in the same transaction, or neither. */
@ApplicationScoped
public class DueMessageDestroyer {
    static final String REASON = "Self-destructed";

    private final SelfDestructs timers;
    private final MessagePurge purge;
    private final EncryptedMessages encrypted;

    public DueMessageDestroyer(SelfDestructs timers, MessagePurge purge, EncryptedMessages encrypted) {
        this.timers = timers;
        this.purge = purge;
        this.encrypted = encrypted;
    }

    @Transactional
    public boolean destroy(String eventId, Instant now) {
        if (!timers.claim(eventId, now)) {
            return false;
        }
        purge.destroy(eventId, REASON, now);
        encrypted.forgetContent(eventId);
        return true;
    }
}
