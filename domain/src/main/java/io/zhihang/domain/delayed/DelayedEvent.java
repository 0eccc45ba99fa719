package io.zhihang.domain.delayed;

import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UserId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An event its owner asked the server to send later (MSC4140 delayed events; scheduled messages): what to send, as
 * whom, and when. It is due at {@code runningSince + delay}; a restart moves {@code runningSince} to now. Once
 * finalised (sent, cancelled or failed) it never changes again. Times are kept to the millisecond, as stored.
 *
 * @param deviceId the device that scheduled it (null when scheduled on the server's behalf, without a device)
 * @param txnId    the client's transaction id of the scheduling request, if it had one
 * @param stateKey null for a message event
 */
public record DelayedEvent(String delayId, UserId owner, DeviceId deviceId, String txnId, String roomId,
                           String type, String stateKey, JsonObject content, Duration delay, Instant runningSince,
                           DelayedEventStatus status, Instant finalisedAt, String eventId, DelayedEventError error) {

    public DelayedEvent {
        Objects.requireNonNull(delayId, "delayId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(runningSince, "runningSince");
        Objects.requireNonNull(status, "status");
        if (status.isFinalised() != (finalisedAt != null)) {
            throw new IllegalArgumentException("Exactly the finalised delayed events have a finalisation time");
        }
        if ((status == DelayedEventStatus.SENT) != (eventId != null)) {
            throw new IllegalArgumentException("Exactly the sent delayed events have an event id");
        }
        if ((status == DelayedEventStatus.FAILED) != (error != null)) {
            throw new IllegalArgumentException("Exactly the failed delayed events have an error");
        }
    }

    /** A new scheduled event, due {@code delay} after {@code now}. */
    public static DelayedEvent schedule(String delayId, UserId owner, DeviceId deviceId, String txnId, String roomId,
                                        String type, String stateKey, JsonObject content, Duration delay,
                                        Instant now) {
        return new DelayedEvent(delayId, owner, deviceId, txnId, roomId, type, stateKey, content, delay,
                toMillis(now), DelayedEventStatus.SCHEDULED, null, null, null);
    }

    public boolean isState() {
        return stateKey != null;
    }

    /** When it is to be sent, unless restarted first. */
    public Instant sendAt() {
        return runningSince.plus(delay);
    }

    public boolean isDueAt(Instant now) {
        return status == DelayedEventStatus.SCHEDULED && !sendAt().isAfter(now);
    }

    /**
     * Whether {@code action} has nothing left to do because the event was already finalised the way the action asks
     * (MSC4140: a retried {@code send} or {@code cancel} succeeds). False while scheduled; a finalisation that
     * contradicts the action is 409: a sent event cannot be cancelled or restarted, a cancelled or failed one cannot
     * be sent or restarted.
     */
    public boolean alreadyDone(DelayedEventAction action) {
        if (status == DelayedEventStatus.SCHEDULED) {
            return false;
        }
        boolean matches = switch (action) {
            case SEND -> status == DelayedEventStatus.SENT;
            case CANCEL -> status == DelayedEventStatus.CANCELLED || status == DelayedEventStatus.FAILED;
            case RESTART -> false;
        };
        if (!matches) {
            throw new DomainException(ErrorKind.CONFLICT, "Delayed event has already been "
                    + (status == DelayedEventStatus.SENT ? "sent" : "cancelled"));
        }
        return true;
    }

    /** Due again {@link #delay} after {@code now}. */
    public DelayedEvent restarted(Instant now) {
        requireScheduled();
        return new DelayedEvent(delayId, owner, deviceId, txnId, roomId, type, stateKey, content, delay,
                toMillis(now), status, null, null, null);
    }

    public DelayedEvent cancelled(Instant now) {
        return finalised(DelayedEventStatus.CANCELLED, now, null, null);
    }

    public DelayedEvent sent(String sentEventId, Instant now) {
        return finalised(DelayedEventStatus.SENT, now, Objects.requireNonNull(sentEventId, "eventId"), null);
    }

    public DelayedEvent failed(DelayedEventError why, Instant now) {
        return finalised(DelayedEventStatus.FAILED, now, null, Objects.requireNonNull(why, "error"));
    }

    private DelayedEvent finalised(DelayedEventStatus outcome, Instant now, String sentEventId,
                                   DelayedEventError why) {
        requireScheduled();
        return new DelayedEvent(delayId, owner, deviceId, txnId, roomId, type, stateKey, content, delay,
                runningSince, outcome, toMillis(now), sentEventId, why);
    }

    private void requireScheduled() {
        if (status != DelayedEventStatus.SCHEDULED) {
            throw new IllegalStateException("Delayed event " + delayId + " is already " + status.wireName());
        }
    }

    private static Instant toMillis(Instant instant) {
        return Instant.ofEpochMilli(instant.toEpochMilli());
    }
}
