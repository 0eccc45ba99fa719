package io.zhihang.application.service.delayed;

import io.zhihang.application.service.room.InTransactionSender;
import io.zhihang.domain.delayed.DelayedEvent;
import io.zhihang.domain.delayed.DelayedEventError;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Sends a delayed event as its owner, inside the caller's transaction (which holds the event's row lock), and says
 * what the event becomes. A message carries a transaction id derived from the delay id, so even a send repeated
 * outside that lock would name the first event instead of making a second one.
 */
@ApplicationScoped
public class DelayedEventSending {
    /** Prefix of the transaction id a delayed message is sent under (its owner's device sees it as usual). */
    static final String TXN_PREFIX = "org.matrix.msc4140.delay.";

    private final InTransactionSender sender;

    public DelayedEventSending(InTransactionSender sender) {
        this.sender = sender;
    }

    InTransactionSender.Outcome send(DelayedEvent event, Instant now) {
        return sender.send(event.owner(), event.deviceId(), event.roomId(), event.type(), event.stateKey(),
                event.content(), TXN_PREFIX + event.delayId(), now);
    }

    /** The event after sending it at its due time: sent, or failed with the refusal (not retried). */
    DelayedEvent fire(DelayedEvent event, Instant now) {
        return switch (send(event, now)) {
            case InTransactionSender.Outcome.Sent sent -> event.sent(sent.eventId(), now);
            case InTransactionSender.Outcome.Refused refused -> event.failed(
                    new DelayedEventError(refused.reason().kind().errcode(), refused.reason().getMessage()), now);
        };
    }
}
