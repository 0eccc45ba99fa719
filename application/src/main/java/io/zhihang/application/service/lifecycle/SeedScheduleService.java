package io.zhihang.application.service.lifecycle;

import io.zhihang.application.port.in.delayed.DelayedEventQueries;
import io.zhihang.application.port.in.delayed.ManageDelayedEventUseCase;
import io.zhihang.application.port.in.delayed.ScheduleDelayedEventCommand;
import io.zhihang.application.port.in.delayed.ScheduleDelayedEventUseCase;
import io.zhihang.application.port.in.delayed.SendTime;
import io.zhihang.application.port.in.lifecycle.MessageTarget;
import io.zhihang.application.port.in.lifecycle.OutgoingMessage;
import io.zhihang.application.port.in.lifecycle.ScheduledMessage;
import io.zhihang.application.port.in.lifecycle.SeedSchedulesUseCase;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.delayed.DelayedEvent;
import io.zhihang.domain.delayed.DelayedEventAction;
import io.zhihang.domain.lifecycle.MessageContents;
import io.zhihang.domain.lifecycle.MessageType;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Scheduled messages of the seed API on top of the delayed events of MSC4140 (one store, one scheduler). */
@ApplicationScoped
public class SeedScheduleService implements SeedSchedulesUseCase {
    private final SeedMessageService messages;
    private final SeedIds ids;
    private final ScheduleDelayedEventUseCase schedule;
    private final ManageDelayedEventUseCase manage;
    private final DelayedEventQueries queries;
    private final InstantSource clock;

    public SeedScheduleService(SeedMessageService messages, SeedIds ids, ScheduleDelayedEventUseCase schedule,
                               ManageDelayedEventUseCase manage, DelayedEventQueries queries, InstantSource clock) {
        this.messages = messages;
        this.ids = ids;
        this.schedule = schedule;
        this.manage = manage;
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public ScheduledMessage schedule(Requester requester, MessageTarget target, OutgoingMessage message,
                                     Instant at, boolean silent) {
        if (at == null) {
            throw DomainException.missingParam("scheduled_time is required");
        }
        if (!at.isAfter(clock.instant())) {
            throw DomainException.invalidParam("scheduled_time must be in the future");
        }
        String roomId = messages.roomFor(requester, target);
        JsonObject content = MessageContents.of(message.type(), message.text(), message.url(), message.info());
        if (silent && message.type() == MessageType.TEXT) {
            content = content.with("msgtype", JsonString.of("m.notice"));
        }
        DelayedEvent scheduled = schedule.schedule(new ScheduleDelayedEventCommand(requester, roomId,
                message.type().eventType(), null, content, message.txnId(), new SendTime.At(at)));
        return view(scheduled);
    }

    @Override
    public void cancel(Requester requester, String id) {
        if (id == null || id.isBlank()) {
            throw DomainException.missingParam("The scheduled message's id is required");
        }
        manage.manage(requester, id, DelayedEventAction.CANCEL);
    }

    @Override
    public List<ScheduledMessage> list(Requester requester) {
        return queries.list(requester, true, true, Set.of()).stream()
                .filter(e -> !e.isState() && MessageType.of(e.type(), e.content()).isPresent())
                .map(this::view).toList();
    }

    private ScheduledMessage view(DelayedEvent e) {
        MessageType type = MessageType.of(e.type(), e.content()).orElse(MessageType.TEXT);
        return new ScheduledMessage(e.delayId(), ids.chatNumber(e.roomId()), e.roomId(), type,
                e.content().string("body").orElse(null), e.sendAt(), e.status().wireName(),
                Optional.ofNullable(e.eventId()));
    }
}
