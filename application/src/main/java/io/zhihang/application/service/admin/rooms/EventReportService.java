package io.zhihang.application.service.admin.rooms;

import io.zhihang.application.port.in.admin.rooms.EventReportsUseCase;
import io.zhihang.application.port.in.room.RoomQueries;
import io.zhihang.application.port.out.admin.EventReportStore;
import io.zhihang.application.port.out.admin.EventReportStore.StoredReport;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.RoomRepository;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.application.service.admin.AdminAudit;
import io.zhihang.application.service.room.RoomAccess;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.room.StateKey;
import io.zhihang.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Event and room reports. A report of an event the reporter cannot see is answered exactly like one of an event that
 * does not exist (404), so that reporting reveals nothing.
 */
@ApplicationScoped
public class EventReportService implements EventReportsUseCase {
    private static final String UNSEEN = "Unable to report event: it does not exist or you aren't able to see it.";
    private static final StateKey NAME = new StateKey("m.room.name", "");
    private static final StateKey CANONICAL_ALIAS = new StateKey("m.room.canonical_alias", "");

    private final EventReportStore reports;
    private final RoomQueries queries;
    private final RoomAccess access;
    private final RoomRepository rooms;
    private final EventStore events;
    private final AdminAudit audit;
    private final InstantSource clock;

    public EventReportService(EventReportStore reports, RoomQueries queries, RoomAccess access, RoomRepository rooms,
                              EventStore events, AdminAudit audit, InstantSource clock) {
        this.reports = reports;
        this.queries = queries;
        this.access = access;
        this.rooms = rooms;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** Not one transaction: the visibility check may refuse, and the report is a single insert. */
    @Override
    public void reportEvent(Requester reporter, String roomId, String eventId, String reason, Long score) {
        String userId = reporter.userId().toString();
        if (rooms.find(roomId).isEmpty() || !"join".equals(access.membership(roomId, userId).orElse(null))) {
            throw DomainException.notFound(UNSEEN);
        }
        try {
            queries.event(reporter, roomId, eventId);
        } catch (DomainException e) {
            throw DomainException.notFound(UNSEEN);
        }
        reports.add(clock.millis(), roomId, eventId, userId, reason, score);
    }

    @Override
    public void reportRoom(Requester reporter, String roomId, String reason) {
        String userId = reporter.userId().toString();
        if (rooms.find(roomId).isEmpty() || !"join".equals(access.membership(roomId, userId).orElse(null))) {
            throw DomainException.notFound("Room not found");
        }
        reports.add(clock.millis(), roomId, null, userId, reason, null);
    }

    @Override
    @Transactional
    public ReportPage list(Requester admin, int from, int limit, boolean backwards, String roomId, String userId) {
        admin.ensureAdmin();
        if (from < 0) {
            throw DomainException.invalidParam("The from parameter must be a positive integer.");
        }
        if (limit < 0) {
            throw DomainException.invalidParam("The limit parameter must be a positive integer.");
        }
        long total = reports.count(roomId, userId);
        List<Report> page = reports.page(from, limit, backwards, roomId, userId).stream()
                .map(r -> report(r, false)).toList();
        Integer next = from + page.size() < total && !page.isEmpty() ? from + page.size() : null;
        return new ReportPage(page, total, next);
    }

    @Override
    @Transactional
    public Report get(Requester admin, long id) {
        admin.ensureAdmin();
        return reports.find(id).map(r -> report(r, true))
                .orElseThrow(() -> DomainException.notFound("Event report not found"));
    }

    @Override
    @Transactional
    public void delete(Requester admin, String ip, long id) {
        admin.ensureAdmin();
        if (!reports.delete(id)) {
            throw DomainException.notFound("Event report not found");
        }
        audit.record(admin, ip, "delete_event_report", Long.toString(id), JsonObject.EMPTY);
    }

    private Report report(StoredReport r, boolean withEvent) {
        Map<StateKey, JsonObject> state = rooms.find(r.roomId()).isPresent()
                ? access.stateContents(r.roomId(), List.of(NAME, CANONICAL_ALIAS)) : Map.of();
        Optional<StoredEvent> event = r.eventId() == null ? Optional.empty() : events.find(r.eventId());
        return new Report(r.id(), r.receivedTs(), r.roomId(),
                Optional.ofNullable(state.get(NAME)).flatMap(c -> c.string("name")).orElse(null),
                Optional.ofNullable(state.get(CANONICAL_ALIAS)).flatMap(c -> c.string("alias")).orElse(null),
                r.eventId(), r.userId(), event.map(e -> e.pdu().sender()).orElse(null), r.reason(), r.score(),
                withEvent ? event.map(e -> e.pdu().json()).orElse(null) : null);
    }
}
