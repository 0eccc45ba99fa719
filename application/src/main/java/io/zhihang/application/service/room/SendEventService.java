package io.zhihang.application.service.room;

import io.zhihang.application.port.in.lifecycle.RecallMessageUseCase;
import io.zhihang.application.port.in.room.SendEventUseCase;
import io.zhihang.application.port.out.IdGenerator;
import io.zhihang.application.port.out.admin.ShadowBans;
import io.zhihang.application.port.out.lifecycle.EncryptedMessages;
import io.zhihang.application.port.out.lifecycle.SelfDestructs;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.MessageLog;
import io.zhihang.application.port.out.room.RoomRecord;
import io.zhihang.application.port.out.room.RoomRepository;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.application.port.out.room.TxnIdStore;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.event.EventDraft;
import io.zhihang.domain.lifecycle.LifecyclePolicy;
import io.zhihang.domain.lifecycle.MessageFacts;
import io.zhihang.domain.lifecycle.RecallRule;
import io.zhihang.domain.lifecycle.RecallRule.RedactionKind;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.room.GuestAccess;
import io.zhihang.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.BiFunction;

@ApplicationScoped
public class SendEventService implements SendEventUseCase, RecallMessageUseCase {
    private static final System.Logger LOG = System.getLogger(SendEventService.class.getName());

    private final RoomRepository rooms;
    private final EventStore events;
    private final TxnIdStore txnIds;
    private final RoomWriter writer;
    private final RoomAccess access;
    private final MessageLanes lanes;
    private final InstantSource clock;
    private final RecallRule recall;
    private final EncryptedMessages encrypted;
    private final SelfDestructs timers;
    private final CanonicalAliasCheck canonicalAliases;
    private final Event<GuestAccessEnded> guestAccessEnded;
    private final ShadowBans shadowBans;
    private final IdGenerator ids;

    public SendEventService(RoomRepository rooms, EventStore events, TxnIdStore txnIds, RoomWriter writer,
                            RoomAccess access, MessageLanes lanes, InstantSource clock, LifecyclePolicy lifecycle,
                            EncryptedMessages encrypted, SelfDestructs timers, CanonicalAliasCheck canonicalAliases,
                            Event<GuestAccessEnded> guestAccessEnded, ShadowBans shadowBans, IdGenerator ids) {
        this.guestAccessEnded = guestAccessEnded;
        this.shadowBans = shadowBans;
        this.ids = ids;
        this.rooms = rooms;
        this.events = events;
        this.txnIds = txnIds;
        this.writer = writer;
        this.access = access;
        this.lanes = lanes;
        this.clock = clock;
        this.recall = lifecycle.recall();
        this.encrypted = encrypted;
        this.timers = timers;
        this.canonicalAliases = canonicalAliases;
    }

    /** Messages go through their room's lane (group commit); the lane's writer owns the transaction. */
    @Override
    public String send(Requester requester, String roomId, String type, JsonObject content, String txnId) {
        if (shadowBans.isShadowBanned(requester.userId())) {
            return fakeEventId();
        }
        MessageLog.Txn txn = txnId == null ? null : new MessageLog.Txn(requester.userId(), requester.deviceId(), txnId);
        EventDraft draft = EventDraft.message(type, requester.userId().toString(), content);
        return lanes.submit(roomId, new PendingMessage(draft, txn));
    }

    @Override
    @Transactional
    public String sendState(Requester requester, String roomId, String type, String stateKey, JsonObject content) {
        if (shadowBans.isShadowBanned(requester.userId())) {
            return fakeEventId();
        }
        String eventId = writer.appendStateUnlessRepeated(roomId,
                EventDraft.state(type, stateKey, requester.userId().toString(), content), clock.instant(),
                previous -> canonicalAliases.check(roomId, type, content, previous));
        if (type.equals(GuestAccess.TYPE) && stateKey.isEmpty() && !GuestAccess.letsGuestsJoin(content)) {
            guestAccessEnded.fire(new GuestAccessEnded(roomId));
        }
        return eventId;
    }

    /**
     * What a shadow-banned user is answered instead of their event being stored (Synapse's {@code ShadowBanError}):
     * an event id that looks real and names nothing.
     */
    private String fakeEventId() {
        return "$" + ids.secret();
    }

    /**
     * A redaction, judged by the {@link RecallRule} under the room lock: the sender's own message is a recall (within
     * the window, once), someone else's event a moderation (any age, with the power to redact others; logged).
     */
    @Override
    @Transactional
    public String redact(Requester requester, String roomId, String eventId, String reason, String txnId) {
        return idempotent(requester, roomId, txnId, (room, now) -> {
            StoredEvent target = events.find(eventId).filter(e -> e.pdu().roomId().equals(roomId))
                    .orElseThrow(() -> DomainException.notFound("Event not found"));
            String sender = requester.userId().toString();
            boolean own = target.pdu().sender().equals(sender);
            RedactionKind kind = recall.judgeRedaction(sender,
                    !own && access.powerLevels(roomId).userCanRedactOthers(sender), facts(target), now);
            if (kind == RedactionKind.MODERATION) {
                LOG.log(System.Logger.Level.INFO, "Moderation: {0} redacts event {1} of {2} in {3}", sender, eventId,
                        target.pdu().sender(), roomId);
            }
            if (kind != RedactionKind.OWN_STATE) {
                forgetLifecycle(target);
            }
            return EventDraft.redaction(sender, eventId, reasonContent(reason));
        });
    }

    @Override
    @Transactional
    public String recall(Requester requester, String eventId, String reason) {
        String roomId = events.find(eventId).map(e -> e.pdu().roomId())
                .orElseThrow(() -> DomainException.notFound("Event not found"));
        return idempotent(requester, roomId, null, (room, now) -> {
            StoredEvent target = events.find(eventId).orElseThrow();
            String sender = requester.userId().toString();
            recall.checkRecall(sender, access.powerLevels(roomId).userCanRedactOthers(sender), facts(target), now);
            forgetLifecycle(target);
            return EventDraft.redaction(sender, eventId, reasonContent(reason));
        });
    }

    /**
     * The lifecycle facts of a redaction's target. A password-encrypted message is redacted in the room already (to
     * hide its plaintext), yet not recalled: only then is the encryption record looked up.
     */
    private MessageFacts facts(StoredEvent target) {
        boolean sealed = target.isRedacted() && encrypted.isSealedWithPassword(target.pdu().eventId());
        return MessageFacts.of(target.pdu(), target.isRedacted(), sealed);
    }

    /**
     * A recalled (or moderated) message is recalled for good: a password-encrypted one keeps no ciphertext, and a
     * self-destruct time still to come is dropped (it would otherwise turn "recalled" into "destroyed" later).
     */
    private void forgetLifecycle(StoredEvent target) {
        if (target.isRedacted()) {
            encrypted.forget(target.pdu().eventId());
        }
        timers.cancel(target.pdu().eventId());
    }

    private static JsonObject reasonContent(String reason) {
        return reason == null ? JsonObject.EMPTY : JsonObject.builder().put("reason", reason).build();
    }

    /** Locks the room, then answers a repeated transaction id with the event it already made. */
    private String idempotent(Requester requester, String roomId, String txnId,
                              BiFunction<RoomRecord, Instant, EventDraft> draft) {
        Instant now = clock.instant();
        RoomRecord room = rooms.lock(roomId).orElseThrow(() -> DomainException.notFound("Unknown room " + roomId));
        Optional<String> earlier = txnId == null ? Optional.empty()
                : txnIds.find(requester.userId(), requester.deviceId(), txnId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        String eventId = writer.appendLocked(room, draft.apply(room, now), now).pdu().eventId();
        if (txnId != null) {
            txnIds.save(requester.userId(), requester.deviceId(), txnId, eventId, now);
        }
        return eventId;
    }
}
