package io.zhihang.application.service.room;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.push.RecordNotificationsUseCase;
import io.zhihang.application.port.in.push.RecordNotificationsUseCase.NewEvent;
import io.zhihang.application.port.out.IdGenerator;
import io.zhihang.application.port.out.SigningKeyProvider;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.MessageLog;
import io.zhihang.application.port.out.room.RoomRecord;
import io.zhihang.application.port.out.room.RoomRepository;
import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.application.port.out.session.PrivateSessionRepository;
import io.zhihang.application.service.stream.RoomStream;
import io.zhihang.domain.event.EventDraft;
import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.event.PduTemplate;
import io.zhihang.domain.protocol.EventHashing;
import io.zhihang.domain.protocol.EventSigning;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.room.AuthState;
import io.zhihang.domain.room.Decision;
import io.zhihang.domain.room.EventAuthRules;
import io.zhihang.domain.room.StateKey;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.session.PrivateSession;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.lifecycle.SelfDestruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one place where an event is built, authorised, hashed, signed and appended (Conduit's
 * {@code create_hash_and_sign_event}), split along the purity line: the domain lays out, hashes, signs and judges; this
 * class reads and writes. Callers hold the room lock ({@link RoomRepository#lock}) for the whole unit of work.
 */
@ApplicationScoped
public class RoomWriter {
    private static final StateKey SESSION_SETTINGS = new StateKey(PrivateSession.STATE_TYPE, "");
    /** The spec's limit on a whole PDU in canonical JSON. */
    public static final int MAX_EVENT_BYTES = 65_536;

    private final RoomRepository rooms;
    private final EventStore events;
    private final RoomStateStore state;
    private final SigningKeyProvider keys;
    private final HomeserverSettings settings;
    private final RoomStateCache cache;
    private final MessageLog messages;
    private final RoomStream stream;
    private final RecordNotificationsUseCase notifications;
    private final SearchIndexer indexer;
    private final Event<SelfDestructRequested> selfDestructs;
    private final IdGenerator idGenerator;
    private final RoomBlocks blocks;
    private final PrivateSessionRepository sessions;

    public RoomWriter(RoomRepository rooms, EventStore events, RoomStateStore state, SigningKeyProvider keys,
                      HomeserverSettings settings, RoomStateCache cache, MessageLog messages, RoomStream stream,
                      RecordNotificationsUseCase notifications, SearchIndexer indexer,
                      Event<SelfDestructRequested> selfDestructs, IdGenerator idGenerator, RoomBlocks blocks,
                      PrivateSessionRepository sessions) {
        this.rooms = rooms;
        this.events = events;
        this.state = state;
        this.keys = keys;
        this.settings = settings;
        this.cache = cache;
        this.messages = messages;
        this.stream = stream;
        this.notifications = notifications;
        this.indexer = indexer;
        this.selfDestructs = selfDestructs;
        this.idGenerator = idGenerator;
        this.blocks = blocks;
        this.sessions = sessions;
    }

    private static List<String> ids(Set<StateKey> keys, Map<StateKey, String> current) {
        return keys.stream().map(current::get).filter(Objects::nonNull).sorted().toList();
    }

    /** Locks the room (until commit) and appends the draft. */
    public AppendedEvent append(String roomId, EventDraft draft, Instant now) {
        RoomRecord room = rooms.lock(roomId).orElseThrow(() -> DomainException.notFound("Unknown room " + roomId));
        return appendLocked(room, draft, now);
    }

    /**
     * Locks the room and appends a state draft, unless it only repeats the current state ({@link EventDraft#repeats}):
     * then nothing is written and the current event's id is the answer, as Synapse does for clients. Once the auth
     * rules allow the event, {@code check} sees the content of the state it replaces ({} if none) and may still
     * refuse it (Synapse's checks after auth, such as {@code m.room.canonical_alias}'s).
     */
    public String appendStateUnlessRepeated(String roomId, EventDraft draft, Instant now,
                                            Consumer<JsonObject> check) {
        RoomRecord room = rooms.lock(roomId).orElseThrow(() -> DomainException.notFound("Unknown room " + roomId));
        Map<StateKey, String> current = cache.current(room);
        String currentId = current.get(new StateKey(draft.type(), draft.stateKey()));
        Pdu existing = currentId == null ? null : cache.pdus(room.version(), List.of(currentId)).getFirst();
        if (existing != null && draft.repeats(existing)) {
            return existing.eventId();
        }
        Pdu pdu = mint(room, draft, current, now);
        String canonical = authorised(room, pdu, current);
        check.accept(existing == null ? JsonObject.EMPTY : existing.content());
        return store(room, pdu, canonical, current).pdu().eventId();
    }

    /**
     * Like {@link #append}, for events a use case sends on the side (Synapse's best-effort updates): a draft the auth
     * rules refuse is dropped, and the unit of work goes on. Refusals come before anything is written.
     */
    public Optional<AppendedEvent> appendIfAllowed(String roomId, EventDraft draft, Instant now) {
        try {
            return Optional.of(append(roomId, draft, now));
        } catch (DomainException e) {
            if (e.kind() != ErrorKind.FORBIDDEN) {
                throw e;
            }
            return Optional.empty();
        }
    }

    /** Appends to a room whose lock the caller already holds; returns the event and its stream ordering. */
    public AppendedEvent appendLocked(RoomRecord room, EventDraft draft, Instant now) {
        Map<StateKey, String> current = cache.current(room);
        return persist(room, mint(room, draft, current, now), current);
    }

    /**
     * The message hot path ({@link MessageLog}): the room is already locked by {@link MessageLog#lock}; a message
     * event changes no state, so only the event, the txn id and the head are written.
     */
    public AppendedEvent appendMessage(RoomRecord room, EventDraft draft, MessageLog.Txn txn, Instant now) {
        MessageLog.Append append = prepareMessage(room, draft, txn, now);
        Object ticket = stream.reserve();
        long ordering;
        try {
            ordering = messages.append(append.pdu(), append.canonicalJson(), append.relatesTo(), append.relType(),
                    txn, now);
        } catch (RuntimeException e) {
            stream.cancel(ticket);
            throw e;
        }
        stream.appended(ticket, room.roomId(), List.of(ordering), Set.of());
        notifications.record(room.roomId(), room.version(), cache.current(room),
                List.of(new NewEvent(append.pdu(), ordering)));
        indexer.stored(append.pdu(), ordering);
        noticeSelfDestruct(append.pdu());
        return new AppendedEvent(append.pdu(), ordering, afterMessage(room, append.pdu()));
    }

    /**
     * In a private session with a TTL every message destroys itself (MSC2228's field, set here when the sender did
     * not set it), whichever client sent it: the session API, Element or any other. Other rooms pay one map lookup.
     */
    private EventDraft expiring(RoomRecord room, EventDraft draft, Map<StateKey, String> current, Instant now) {
        if (!current.containsKey(SESSION_SETTINGS) || SelfDestruct.isAskedFor(draft.content())) {
            return draft;
        }
        return sessions.find(room.roomId()).flatMap(session -> session.settings().expiresAt(now))
                .map(at -> EventDraft.message(draft.type(), draft.sender(),
                        draft.content().with(SelfDestruct.AFTER_FIELD, JsonNumber.of(at.toEpochMilli()))))
                .orElse(draft);
    }

    /**
     * What follows storing a batch of messages prepared by {@link #prepareMessage} ({@code room} is the room after
     * the last of them): their notifications.
     */
    public void messagesStored(RoomRecord room, List<MessageLog.Append> appends, List<Long> orderings) {
        List<NewEvent> stored = new ArrayList<>(appends.size());
        for (int i = 0; i < appends.size(); i++) {
            stored.add(new NewEvent(appends.get(i).pdu(), orderings.get(i)));
        }
        notifications.record(room.roomId(), room.version(), cache.current(room), stored);
    }

    /**
     * Builds, signs and authorises the next message event after {@code room}'s head, without storing it: for
     * batches, where each prepared event becomes the head the next one follows.
     */
    public MessageLog.Append prepareMessage(RoomRecord room, EventDraft draft, MessageLog.Txn txn, Instant now) {
        if (draft.isState() || draft.redacts() != null) {
            throw new IllegalArgumentException("Only message events take the message path");
        }
        Map<StateKey, String> current = cache.current(room);
        Pdu pdu = mint(room, expiring(room, draft, current, now), current, now);
        String canonical = authorised(room, pdu, current);
        JsonObject relation = relationOf(pdu);
        return new MessageLog.Append(pdu, canonical, relation.string("event_id").orElse(null),
                relation.string("rel_type").orElse(null), txn);
    }

    /**
     * For {@link MessageLog#appendOnHead}: the search and notification rows of a batch of prepared messages
     * ({@code room} is the room after the last of them), stream orderings left for the store to fill in. Null if a
     * message needs a write that statement does not make (a self-destruct schedule): the batch takes the locking path.
     */
    public MessageLog.OnHeadRows onHeadRows(RoomRecord room, List<MessageLog.Append> appends) {
        List<Pdu> pdus = new ArrayList<>(appends.size());
        List<NewEvent> stored = new ArrayList<>(appends.size());
        for (MessageLog.Append append : appends) {
            if (SelfDestruct.isAskedFor(append.pdu().content())) {
                return null;
            }
            pdus.add(append.pdu());
            stored.add(new NewEvent(append.pdu(), 0));
        }
        return new MessageLog.OnHeadRows(appends, indexer.messageEntries(pdus, null),
                notifications.decide(room.roomId(), room.version(), cache.current(room), stored));
    }

    /** Indexes a batch of message events stored by {@link MessageLog#appendAll}, in one write. */
    public void indexMessages(List<MessageLog.Append> appends, List<Long> streamOrderings) {
        indexer.storedMessages(appends.stream().map(MessageLog.Append::pdu).toList(), streamOrderings);
        appends.forEach(a -> noticeSelfDestruct(a.pdu()));
    }

    /** A message that asks to destroy itself (MSC2228) is scheduled in the transaction that stores it. */
    private void noticeSelfDestruct(Pdu pdu) {
        if (!pdu.isState() && SelfDestruct.isAskedFor(pdu.content())) {
            SelfDestruct.requested(pdu.content()).ifPresent(at ->
                    selfDestructs.fire(new SelfDestructRequested(pdu.eventId(), pdu.roomId(), at)));
        }
    }

    /** The room after a message {@code pdu} became its head (messages change no state). */
    public RoomRecord afterMessage(RoomRecord room, Pdu pdu) {
        cache.advance(room.roomId(), cache.current(room), pdu);
        return advanced(room, pdu);
    }

    private Pdu mint(RoomRecord room, EventDraft draft, Map<StateKey, String> current, Instant now) {
        blocks.checkInvite(draft);
        RoomVersion version = room.version();
        List<String> prev = room.headEventId() == null ? List.of() : List.of(room.headEventId());
        long depth = room.headDepth() + 1;
        String origin = settings.serverName().value();
        long ts = now.toEpochMilli();
        JsonObject provisional = PduTemplate.layout(draft, room.roomId(), version, prev, List.of(), depth, origin, ts);
        List<String> authIds = ids(AuthState.authTypesFor(new Pdu(null, provisional), version), current);
        JsonObject laidOut = PduTemplate.layout(draft, room.roomId(), version, prev, authIds, depth, origin, ts);
        if (version.eventIdFormat() == RoomVersion.EventIdFormat.V1_SERVER_GENERATED) {
            return signWithChosenId(laidOut, prev, authIds, version);
        }
        return sign(laidOut, version);
    }

    /**
     * Room v1/v2: the event gets a random id of this server ({@code $opaque:server_name}, as Synapse), carried in the
     * PDU, and names its prev and auth events with their reference hashes.
     */
    private Pdu signWithChosenId(JsonObject laidOut, List<String> prev, List<String> authIds, RoomVersion version) {
        List<String> referenced = new ArrayList<>(prev);
        referenced.addAll(authIds);
        Map<String, String> hashes = new HashMap<>();
        for (Pdu pdu : cache.pdus(version, referenced)) {
            hashes.put(pdu.eventId(), EventHashing.referenceHash(pdu.json(), version));
        }
        String server = settings.serverName().value();
        String eventId = "$" + idGenerator.eventIdLocalpart() + ":" + server;
        JsonObject json = PduTemplate.withServerChosenId(laidOut, eventId, hashes);
        return new Pdu(eventId, EventSigning.hashAndSign(json, version, server, keys.signingKey()));
    }

    /** Runs the auth rules and the size limit; returns the event's canonical JSON. */
    private String authorised(RoomRecord room, Pdu pdu, Map<StateKey, String> current) {
        RoomVersion version = room.version();
        List<Pdu> stateForAuth = cache.pdus(version, ids(AuthState.requiredStateFor(pdu, version), current));
        if (EventAuthRules.check(pdu, AuthState.of(stateForAuth), version) instanceof Decision.Denied denied) {
            throw DomainException.forbidden(denied.reason());
        }
        String canonical = CanonicalJson.encode(pdu.json());
        if (canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_EVENT_BYTES) {
            throw new DomainException(ErrorKind.TOO_LARGE, "Event is larger than " + MAX_EVENT_BYTES + " bytes");
        }
        return canonical;
    }

    /** The {@code m.relates_to} of an event (empty if none): its target and type become query columns. */
    private static JsonObject relationOf(Pdu pdu) {
        return pdu.content().object("m.relates_to").orElse(JsonObject.EMPTY);
    }

    private static RoomRecord advanced(RoomRecord room, Pdu pdu) {
        return new RoomRecord(room.roomId(), room.version(), room.creator(), room.published(), pdu.eventId(),
                pdu.depth(), room.createdAt());
    }

    /**
     * Room v12+: the create event names the room (its id is the event's reference hash), so it is built and signed
     * before the room exists; {@link #appendMinted} stores it once the room row is there.
     */
    public Pdu mintCreateEvent(RoomVersion version, EventDraft create, Instant now) {
        String origin = settings.serverName().value();
        return sign(PduTemplate.layout(create, null, version, List.of(), List.of(), 1, origin, now.toEpochMilli()),
                version);
    }

    /** Stores an event minted by {@link #mintCreateEvent} in its (locked, empty) room. */
    public AppendedEvent appendMinted(RoomRecord room, Pdu pdu) {
        return persist(room, pdu, cache.current(room));
    }

    private Pdu sign(JsonObject unsigned, RoomVersion version) {
        EventSigning.SignedEvent signed = EventSigning.signAndIdentify(EventHashing.withContentHash(unsigned), version,
                settings.serverName().value(), keys.signingKey());
        return new Pdu(signed.eventId(), signed.json());
    }

    private AppendedEvent persist(RoomRecord room, Pdu pdu, Map<StateKey, String> current) {
        return store(room, pdu, authorised(room, pdu, current), current);
    }

    private AppendedEvent store(RoomRecord room, Pdu pdu, String canonical, Map<StateKey, String> current) {
        JsonObject relation = relationOf(pdu);
        Object ticket = stream.reserve();
        long ordering;
        try {
            ordering = events.append(pdu, canonical, relation.string("event_id").orElse(null),
                    relation.string("rel_type").orElse(null));
        } catch (RuntimeException e) {
            stream.cancel(ticket);
            throw e;
        }
        Set<String> members = pdu.type().equals("m.room.member") ? Set.of(pdu.stateKey().orElseThrow()) : Set.of();
        stream.appended(ticket, room.roomId(), List.of(ordering), members);
        if (pdu.isState()) {
            String membership = pdu.type().equals("m.room.member")
                    ? pdu.content().string("membership").orElse(null) : null;
            state.put(room.roomId(), StateKey.of(pdu), pdu.eventId(), membership);
        }
        pdu.redacts().ifPresent(target -> {
            events.markRedacted(target, pdu.eventId());
            cache.forget(target);
            notifications.redacted(target);
        });
        indexer.stored(pdu, ordering);
        noticeSelfDestruct(pdu);
        rooms.advanceHead(room.roomId(), pdu.eventId(), pdu.depth());
        cache.advance(room.roomId(), current, pdu);
        notifications.record(room.roomId(), room.version(), current,
                List.of(new NewEvent(pdu, ordering)));
        return new AppendedEvent(pdu, ordering, advanced(room, pdu));
    }
}
