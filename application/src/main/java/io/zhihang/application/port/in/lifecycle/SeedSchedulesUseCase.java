package io.zhihang.application.port.in.lifecycle;

import io.zhihang.domain.auth.Requester;

import java.time.Instant;
import java.util.List;

/**
 * The seed's scheduled messages, as MSC4140 delayed events: sent at their time exactly once (also across restarts
 * and instances), never once cancelled. {@code silent} sends an {@code m.notice}, which the default push rules keep
 * from notifying.
 */
public interface SeedSchedulesUseCase {
    ScheduledMessage schedule(Requester requester, MessageTarget target, OutgoingMessage message, Instant at,
                              boolean silent);

    void cancel(Requester requester, String id);

    /** The requester's scheduled messages: waiting ones first, then the recently sent, cancelled or failed. */
    List<ScheduledMessage> list(Requester requester);
}
