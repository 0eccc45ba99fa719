package io.zhihang.application.service.session;

import io.zhihang.application.port.in.push.NotificationQueries;
import io.zhihang.application.port.in.push.UnreadCounts;
import io.zhihang.application.port.in.room.CreateRoomCommand;
import io.zhihang.application.port.in.room.CreateRoomUseCase;
import io.zhihang.application.port.in.room.MembershipUseCase;
import io.zhihang.application.port.in.room.RoomQueries;
import io.zhihang.application.port.in.room.SendEventUseCase;
import io.zhihang.application.port.in.search.RoomEventSearch;
import io.zhihang.application.port.in.search.RoomEventSearchResults;
import io.zhihang.application.port.in.search.SearchQueries;
import io.zhihang.application.port.in.session.OpenSessionCommand;
import io.zhihang.application.port.in.session.PrivateSessionQueries;
import io.zhihang.application.port.in.session.PrivateSessionsUseCase;
import io.zhihang.application.port.in.session.SessionMessage;
import io.zhihang.application.port.in.session.SessionMessagesPage;
import io.zhihang.application.port.in.session.SessionSearchResults;
import io.zhihang.application.port.in.session.SessionUnread;
import io.zhihang.application.port.in.session.SessionView;
import io.zhihang.application.port.in.userdata.ReceiptsUseCase;
import io.zhihang.application.port.out.AccountRepository;
import io.zhihang.application.port.out.IdGenerator;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.application.port.out.session.PrivateSessionRepository;
import io.zhihang.application.service.lifecycle.MessagePurge;
import io.zhihang.application.service.room.RoomAccess;
import io.zhihang.application.service.room.RoomBlocks;
import io.zhihang.domain.account.Account;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.filter.RoomEventFilter;
import io.zhihang.domain.lifecycle.SelfDestruct;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.search.SearchField;
import io.zhihang.domain.search.SearchFilter;
import io.zhihang.domain.session.PrivateSession;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Private sessions on the room machinery: a session is a {@code trusted_private_chat} room made with
 * {@code is_direct}, the target invited, and its settings in the state event {@link PrivateSession#STATE_TYPE}; its
 * messages are {@code m.room.message} events sent through the normal send path, with MSC2228's
 * {@code org.matrix.self_destruct_after} when the session has a TTL (so the self-destruct timers purge them, once,
 * across restarts); read marks are receipts, unread counts are notification counts, search is {@code /search}.
 * A target who is only invited joins the room the first time they use the session here.
 */
@ApplicationScoped
public class PrivateSessionService implements PrivateSessionsUseCase, PrivateSessionQueries {
    static final String MESSAGE = "m.room.message";
    static final String DELETED_REASON = "Session deleted";
    private static final Set<String> PRESENT = Set.of("join", "invite");
    private static final RoomEventFilter MESSAGES = new RoomEventFilter(null, List.of(MESSAGE), List.of(), null,
            List.of(), null, List.of(), null, false, false, false);
    /** Pages of {@code /messages} read to fill one page of messages (state events take places too). */
    private static final int MAX_READS = 5;
    private static final int PURGE_BATCH = 200;

    private final PrivateSessionRepository sessions;
    private final CreateRoomUseCase rooms;
    private final MembershipUseCase membership;
    private final SendEventUseCase send;
    private final ReceiptsUseCase receipts;
    private final RoomQueries roomQueries;
    private final NotificationQueries notifications;
    private final SearchQueries search;
    private final EventStore events;
    private final RoomAccess access;
    private final RoomBlocks blocks;
    private final AccountRepository accounts;
    private final MessagePurge purge;
    private final IdGenerator ids;
    private final InstantSource clock;

    public PrivateSessionService(PrivateSessionRepository sessions, CreateRoomUseCase rooms,
                                 MembershipUseCase membership, SendEventUseCase send, ReceiptsUseCase receipts,
                                 RoomQueries roomQueries, NotificationQueries notifications, SearchQueries search,
                                 EventStore events, RoomAccess access, RoomBlocks blocks,
                                 AccountRepository accounts, MessagePurge purge, IdGenerator ids, InstantSource clock) {
        this.sessions = sessions;
        this.rooms = rooms;
        this.membership = membership;
        this.send = send;
        this.receipts = receipts;
        this.roomQueries = roomQueries;
        this.notifications = notifications;
        this.search = search;
        this.events = events;
        this.access = access;
        this.blocks = blocks;
        this.accounts = accounts;
        this.purge = purge;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    @Transactional
    public SessionView open(OpenSessionCommand command) {
        Requester requester = command.requester();
        requester.ensureNotGuest();
        UserId self = requester.userId();
        UserId target = UserId.parse(command.target());
        boolean active = accounts.find(target).filter(a -> !a.deactivated()).map(Account::userId).isPresent();
        boolean blocked = blocks.eitherWay(self, target);
        PrivateSession.checkOpening(self, target, active, blocked);
        Instant now = clock.instant();
        // The room id is only known once the room exists; the state content does not depend on it.
        PrivateSession draft = new PrivateSession("!pending", self, target, command.settings(), now);
        String roomId = rooms.create(new CreateRoomCommand(requester, "trusted_private_chat", "private", null,
                command.settings().name(), null, List.of(target.toString()),
                List.of(new CreateRoomCommand.InitialStateEvent(PrivateSession.STATE_TYPE, "",
                        draft.stateContent())), null, null, true, null)).roomId();
        PrivateSession session = new PrivateSession(roomId, self, target, command.settings(), now);
        sessions.add(session);
        return new SessionView(session, target.toString(), "join", 0);
    }

    @Override
    @Transactional
    public List<SessionView> sessions(Requester requester) {
        UserId self = requester.userId();
        Map<PrivateSession, String> present = new LinkedHashMap<>();
        for (PrivateSession session : sessions.of(self)) {
            String m = access.membership(session.id(), self.toString()).orElse("leave");
            if (PRESENT.contains(m)) {
                present.put(session, m);
            }
        }
        UnreadCounts counts = notifications.counts(self.toString(), present.entrySet().stream()
                .filter(e -> "join".equals(e.getValue())).map(e -> e.getKey().id()).toList());
        List<SessionView> out = new ArrayList<>();
        present.forEach((session, m) -> out.add(new SessionView(session, session.other(self).toString(), m,
                counts.of(session.id()).total().notificationCount())));
        return out;
    }

    @Override
    @Transactional
    public SessionView session(Requester requester, String sessionId) {
        UserId self = requester.userId();
        PrivateSession session = visible(self, sessionId);
        String m = access.membership(sessionId, self.toString()).orElseThrow();
        long unread = "join".equals(m) ? notifications.counts(self.toString(), List.of(sessionId)).of(sessionId)
                .total().notificationCount() : 0;
        return new SessionView(session, session.other(self).toString(), m, unread);
    }

    @Override
    @Transactional
    public void delete(Requester requester, String sessionId) {
        PrivateSession session = visible(requester.userId(), sessionId);
        if (session.settings().autoDelete()) {
            Instant now = clock.instant();
            for (String eventId : undestroyedMessages(sessionId)) {
                purge.destroy(eventId, DELETED_REASON, now);
            }
        }
        membership.leave(requester, sessionId, null);
        membership.forget(requester, sessionId);
    }

    @Override
    @Transactional
    public SessionMessage send(Requester requester, String sessionId, JsonObject content) {
        PrivateSession session = entered(requester, sessionId);
        if (content.string("body").isEmpty()) {
            throw DomainException.missingParam("A message needs a body");
        }
        JsonObject message = content.has("msgtype") ? content : content.with("msgtype", JsonString.of("m.text"));
        // With a TTL, the room writer makes the message destroy itself, as it does for any client's message here.
        String eventId = send.send(requester, sessionId, MESSAGE, message, "session-" + ids.secret());
        return view(events.find(eventId).orElseThrow(() -> new IllegalStateException("Sent event vanished")));
    }

    @Override
    @Transactional
    public SessionMessagesPage messages(Requester requester, String sessionId, String from, int limit) {
        entered(requester, sessionId);
        int size = Math.clamp(limit, 1, MAX_LIMIT);
        List<SessionMessage> out = new ArrayList<>();
        String token = from;
        for (int read = 0; read < MAX_READS && out.size() < size; read++) {
            RoomQueries.MessagesPage page = roomQueries.messages(requester, sessionId, token, null, true,
                    size - out.size(), MESSAGES);
            page.chunk().stream().filter(PrivateSessionService::notRedacted).map(e -> view(sessionId, e))
                    .forEach(out::add);
            token = page.end();
            if (token == null) {
                break;
            }
        }
        return new SessionMessagesPage(out, token);
    }

    @Override
    @Transactional
    public void deleteMessage(Requester requester, String messageId) {
        StoredEvent message = sessionMessage(requester.userId(), messageId);
        PrivateSession session = entered(requester, message.pdu().roomId());
        session.checkMessageDeletion(requester.userId(), UserId.parse(message.pdu().sender()));
        if (!message.isRedacted()) {
            send.redact(requester, session.id(), messageId, null, "session-del-" + ids.secret());
        }
    }

    @Override
    @Transactional
    public void markRead(Requester requester, String messageId) {
        StoredEvent message = sessionMessage(requester.userId(), messageId);
        entered(requester, message.pdu().roomId());
        receipts.sendReceipt(requester, message.pdu().roomId(), "m.read", messageId, null);
    }

    @Override
    @Transactional
    public SessionUnread unread(Requester requester) {
        String self = requester.userId().toString();
        List<String> joined = joinedSessions(requester.userId());
        UnreadCounts counts = notifications.counts(self, joined);
        Map<String, Long> bySession = new LinkedHashMap<>();
        long total = 0;
        for (String roomId : joined) {
            long n = counts.of(roomId).total().notificationCount();
            bySession.put(roomId, n);
            total += n;
        }
        return new SessionUnread(total, bySession);
    }

    @Override
    @Transactional
    public SessionSearchResults search(Requester requester, String term, String sessionId, int limit,
                                       String nextBatch) {
        List<String> rooms = sessionId == null ? joinedSessions(requester.userId())
                : List.of(entered(requester, sessionId).id());
        if (rooms.isEmpty()) {
            return new SessionSearchResults(0, List.of(), null);
        }
        RoomEventSearchResults found = search.searchRoomEvents(new RoomEventSearch(requester, term,
                EnumSet.of(SearchField.BODY), new SearchFilter(MESSAGES, rooms, List.of(),
                Math.clamp(limit, 1, SearchFilter.MAX_LIMIT)), RoomEventSearch.Order.RANK, null, false, Set.of(),
                nextBatch));
        List<SessionMessage> results = found.results().stream()
                .map(r -> view(r.event().string("room_id").orElseThrow(), r.event())).toList();
        return new SessionSearchResults(found.count(), results, found.nextBatch());
    }

    /** The session if {@code user} is a participant who has not deleted (left) it; otherwise it is unknown. */
    private PrivateSession visible(UserId user, String sessionId) {
        PrivateSession session = sessions.find(sessionId).orElseThrow(PrivateSession::unknown).seenBy(user);
        if (!PRESENT.contains(access.membership(sessionId, user.toString()).orElse("leave"))) {
            throw PrivateSession.unknown();
        }
        return session;
    }

    /** The session, with the caller joined to its room: an invited target accepts by using it. */
    private PrivateSession entered(Requester requester, String sessionId) {
        PrivateSession session = visible(requester.userId(), sessionId);
        if ("invite".equals(access.membership(sessionId, requester.userId().toString()).orElse(null))) {
            membership.join(requester, sessionId, null);
        }
        return session;
    }

    /** A message of one of {@code user}'s sessions; anything else (state, another room) is unknown to them. */
    private StoredEvent sessionMessage(UserId user, String messageId) {
        StoredEvent message = events.find(messageId).filter(e -> !e.pdu().isState())
                .filter(e -> MESSAGE.equals(e.pdu().type()))
                .orElseThrow(() -> DomainException.notFound("Unknown message"));
        try {
            visible(user, message.pdu().roomId());
        } catch (DomainException unknownSession) {
            throw DomainException.notFound("Unknown message");
        }
        return message;
    }

    private List<String> joinedSessions(UserId user) {
        return sessions.of(user).stream().map(PrivateSession::id)
                .filter(id -> "join".equals(access.membership(id, user.toString()).orElse(null))).toList();
    }

    /** The ids of the room's messages whose content is still stored, read in bounded pages. */
    private List<String> undestroyedMessages(String roomId) {
        List<String> out = new ArrayList<>();
        long from = Long.MAX_VALUE;
        while (true) {
            List<StoredEvent> page = events.page(roomId, from, null, EventStore.Direction.BACKWARDS, PURGE_BATCH);
            page.stream().filter(e -> !e.pdu().isState() && MESSAGE.equals(e.pdu().type()))
                    .filter(e -> !e.isRedacted() || e.pdu().content().size() > 0)
                    .map(e -> e.pdu().eventId()).forEach(out::add);
            if (page.size() < PURGE_BATCH) {
                return out;
            }
            from = page.getLast().streamOrdering();
        }
    }

    private static boolean notRedacted(JsonObject event) {
        return event.object("unsigned").flatMap(u -> u.object("redacted_because")).isEmpty();
    }

    private static SessionMessage view(StoredEvent stored) {
        return new SessionMessage(stored.pdu().eventId(), stored.pdu().roomId(), stored.pdu().sender(),
                stored.pdu().content(), stored.pdu().originServerTs(), expiry(stored.pdu().content()));
    }

    private static SessionMessage view(String sessionId, JsonObject event) {
        JsonObject content = event.object("content").orElse(JsonObject.EMPTY);
        return new SessionMessage(event.string("event_id").orElseThrow(), sessionId,
                event.string("sender").orElseThrow(), content, event.number("origin_server_ts").orElse(0L),
                expiry(content));
    }

    private static Long expiry(JsonObject content) {
        return SelfDestruct.requested(content).map(Instant::toEpochMilli).orElse(null);
    }
}
