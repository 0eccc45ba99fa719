package io.zhihang.application.service.delayed;

import io.zhihang.application.port.in.delayed.DelayedEventQueries;
import io.zhihang.application.port.in.delayed.ManageDelayedEventUseCase;
import io.zhihang.application.port.in.delayed.ScheduleDelayedEventCommand;
import io.zhihang.application.port.in.delayed.ScheduleDelayedEventUseCase;
import io.zhihang.application.port.in.delayed.SendTime;
import io.zhihang.application.port.out.IdGenerator;
import io.zhihang.application.port.out.delayed.DelayedEventRepository;
import io.zhihang.application.port.out.room.RoomRepository;
import io.zhihang.application.service.room.InTransactionSender;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.delayed.DelayPolicy;
import io.zhihang.domain.delayed.DelayedEvent;
import io.zhihang.domain.delayed.DelayedEventAction;
import io.zhihang.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Scheduling, managing and listing a user's delayed events (MSC4140). */
@ApplicationScoped
public class DelayedEventService implements ScheduleDelayedEventUseCase, ManageDelayedEventUseCase,
        DelayedEventQueries {
    private final DelayedEventRepository events;
    private final RoomRepository rooms;
    private final DelayedEventSending sending;
    private final IdGenerator ids;
    private final DelayPolicy policy;
    private final InstantSource clock;

    public DelayedEventService(DelayedEventRepository events, RoomRepository rooms, DelayedEventSending sending,
                               IdGenerator ids, DelayPolicy policy, InstantSource clock) {
        this.events = events;
        this.rooms = rooms;
        this.sending = sending;
        this.ids = ids;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    @Transactional
    public DelayedEvent schedule(ScheduleDelayedEventCommand command) {
        Requester requester = command.requester();
        Instant now = clock.instant();
        if (command.txnId() != null && requester.deviceId() != null) {
            Optional<DelayedEvent> earlier = events.findByTxn(requester.userId(), requester.deviceId(),
                    command.txnId());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Duration delay = switch (command.sendTime()) {
            case SendTime.AfterDelay after -> policy.delayOf(after.millis());
            case SendTime.At at -> policy.delayUntil(at.instant(), now);
        };
        rooms.find(command.roomId()).orElseThrow(() -> DomainException.notFound("Unknown room " + command.roomId()));
        DelayedEventRepository.ScheduledCount scheduled = events.scheduledOf(requester.userId());
        policy.ensureRoomFor(scheduled.count(), scheduled.nextSendAt(), now);
        DelayedEvent event = DelayedEvent.schedule(ids.secret(), requester.userId(), requester.deviceId(),
                command.txnId(), command.roomId(), command.type(), command.stateKey(), command.content(), delay, now);
        events.insert(event);
        return event;
    }

    @Override
    @Transactional
    public DelayedEvent manage(Requester requester, String delayId, DelayedEventAction action) {
        DelayedEvent event = events.lock(delayId).filter(e -> e.owner().equals(requester.userId()))
                .orElseThrow(DelayedEventService::notFound);
        if (event.alreadyDone(action)) {
            return event;
        }
        Instant now = clock.instant();
        DelayedEvent after = switch (action) {
            case CANCEL -> event.cancelled(now);
            case RESTART -> event.restarted(now);
            case SEND -> switch (sending.send(event, now)) {
                case InTransactionSender.Outcome.Sent sent -> event.sent(sent.eventId(), now);
                // The refusal rolls this transaction back: the event stays scheduled, as MSC4140 asks.
                case InTransactionSender.Outcome.Refused refused -> throw refused.reason();
            };
        };
        if (!events.updateScheduled(after)) {
            throw new IllegalStateException("Delayed event " + delayId + " changed while locked");
        }
        return after;
    }

    @Override
    @Transactional
    public List<DelayedEvent> list(Requester requester, boolean scheduled, boolean finalised, Set<String> delayIds) {
        return events.ofOwner(requester.userId(), delayIds).stream()
                .filter(e -> e.status().isFinalised() ? finalised : scheduled)
                .toList();
    }

    @Override
    @Transactional
    public DelayedEvent get(Requester requester, String delayId) {
        return events.ofOwner(requester.userId(), Set.of(delayId)).stream().findFirst()
                .orElseThrow(DelayedEventService::notFound);
    }

    private static DomainException notFound() {
        return DomainException.notFound("Delayed event not found");
    }
}
