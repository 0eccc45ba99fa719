package io.zhihang.application.service.lifecycle;

import io.zhihang.application.port.in.lifecycle.EditHistoryQueries;
import io.zhihang.application.port.in.lifecycle.MessageTarget;
import io.zhihang.application.port.in.lifecycle.RecallMessageUseCase;
import io.zhihang.application.port.in.lifecycle.OutgoingMessage;
import io.zhihang.application.port.in.lifecycle.SeedMessage;
import io.zhihang.application.port.in.lifecycle.SeedMessagesUseCase;
import io.zhihang.application.port.in.room.SendEventUseCase;
import io.zhihang.application.port.out.IdGenerator;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.application.service.room.HistoryFilter;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.lifecycle.EditHistory;
import io.zhihang.domain.lifecycle.ForwardRule;
import io.zhihang.domain.lifecycle.MessageContents;
import io.zhihang.domain.lifecycle.MessageType;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Sending, replying and forwarding for the seed API. Every message is a normal Matrix event sent through the normal
 * send path (so room auth, edits and recall rules, push and sync all apply); reads check the room's history
 * visibility, and a message the caller may not read is simply unknown.
 */
@ApplicationScoped
public class SeedMessageService implements SeedMessagesUseCase {
    /** Where a forwarded copy names its origin. */
    public static final String FORWARDED = "org.zhihang.forwarded";

    private final SeedIds ids;
    private final SeedMessageViews views;
    private final DirectRooms direct;
    private final SendEventUseCase send;
    private final EventStore events;
    private final HistoryFilter history;
    private final IdGenerator idGenerator;
    private final RecallMessageUseCase recalls;
    private final EditHistoryQueries edits;

    public SeedMessageService(SeedIds ids, SeedMessageViews views, DirectRooms direct, SendEventUseCase send,
                              EventStore events, HistoryFilter history, IdGenerator idGenerator,
                              RecallMessageUseCase recalls, EditHistoryQueries edits) {
        this.ids = ids;
        this.views = views;
        this.direct = direct;
        this.send = send;
        this.events = events;
        this.history = history;
        this.idGenerator = idGenerator;
        this.recalls = recalls;
        this.edits = edits;
    }

    @Override
    public SeedMessage send(Requester requester, MessageTarget target, OutgoingMessage message) {
        String roomId = roomFor(requester, target);
        JsonObject content = MessageContents.of(message.type(), message.text(), message.url(), message.info());
        return sent(requester, roomId, message.type().eventType(), content, message.txnId());
    }

    @Override
    public SeedMessage reply(Requester requester, String replyTo, MessageTarget target, OutgoingMessage message) {
        StoredEvent parent = readable(requester, replyTo);
        String roomId = parent.pdu().roomId();
        if (!target.isEmpty() && !roomFor(requester, target).equals(roomId)) {
            throw DomainException.invalidParam("A reply goes to the chat of the message it replies to");
        }
        JsonObject content = MessageContents.of(message.type(), message.text(), message.url(), message.info())
                .with("m.relates_to", JsonObject.builder().put("m.in_reply_to",
                        JsonObject.builder().put("event_id", parent.pdu().eventId()).build()).build());
        return sent(requester, roomId, message.type().eventType(), content, message.txnId());
    }

    @Override
    public List<SeedMessage> forward(Requester requester, String messageId, MessageTarget target, String comment) {
        StoredEvent source = readable(requester, messageId);
        ForwardRule.check(source.isRedacted(), MessageType.of(source.pdu().type(), source.pdu().content()).isPresent(),
                !target.isEmpty());
        String roomId = roomFor(requester, target);
        JsonObject content = forwardedContent(source);
        List<SeedMessage> out = new ArrayList<>();
        out.add(sent(requester, roomId, source.pdu().type(), content, null));
        if (comment != null && !comment.isBlank()) {
            out.add(sent(requester, roomId, MessageType.MESSAGE_EVENT,
                    MessageContents.of(MessageType.TEXT, comment, null, null), null));
        }
        return out;
    }

    @Override
    public void recall(Requester requester, String messageId, String reason) {
        StoredEvent message = readable(requester, messageId);
        recalls.recall(requester, message.pdu().eventId(), reason);
    }

    @Override
    public SeedMessage edit(Requester requester, String messageId, String content, String reason) {
        StoredEvent message = readable(requester, messageId);
        MessageContents.text(content);
        JsonObject original = message.pdu().content().without("m.relates_to").without("m.new_content")
                .without(FORWARDED);
        JsonObject newContent = original.with("body", JsonString.of(content));
        JsonObject.Builder edit = newContent.toBuilder()
                .put("body", "* " + content)
                .put("m.new_content", newContent)
                .put("m.relates_to", JsonObject.builder().put("rel_type", "m.replace")
                        .put("event_id", message.pdu().eventId()).build());
        if (reason != null && !reason.isBlank()) {
            edit.put(EditHistory.REASON_FIELD, reason);
        }
        send.send(requester, message.pdu().roomId(), message.pdu().type(), edit.build(),
                "seed-edit-" + idGenerator.secret());
        return views.view(events.find(message.pdu().eventId()).orElseThrow());
    }

    @Override
    public EditHistory editHistory(Requester requester, String messageId) {
        StoredEvent message = readable(requester, messageId);
        return edits.editHistory(requester, message.pdu().eventId());
    }

    @Override
    public SeedMessage get(Requester requester, String messageId) {
        return views.view(readable(requester, messageId));
    }

    /**
     * The message if the requester may read it; otherwise (or if it is no message) it is unknown to them. A message
     * in a direct chat the requester is only invited to (sent to them with {@code user_id}) is read by accepting that
     * chat: they join it through {@link DirectRooms#acceptInvite}, as Element's "accept" would.
     */
    StoredEvent readable(Requester requester, String messageId) {
        StoredEvent stored = ids.message(messageId);
        if (stored.pdu().isState()) {
            throw DomainException.notFound("Unknown message");
        }
        if (!visible(requester, stored)
                && !(direct.acceptInvite(requester, stored.pdu().roomId()) && visible(requester, stored))) {
            throw DomainException.notFound("Unknown message");
        }
        return stored;
    }

    private boolean visible(Requester requester, StoredEvent stored) {
        return history.visibleIds(requester.userId().toString(), List.of(stored)).contains(stored.pdu().eventId());
    }

    /** The room a target names (a user: the one-to-one room with them, made if needed). */
    String roomFor(Requester requester, MessageTarget target) {
        if (target.isEmpty()) {
            throw DomainException.missingParam("chat_id or user_id is required");
        }
        if (target.chat() != null && !target.chat().isBlank()) {
            return ids.room(target.chat());
        }
        var other = ids.user(target.user());
        if (other.equals(requester.userId())) {
            throw DomainException.invalidParam("A one-to-one chat needs another user");
        }
        return direct.with(requester, other);
    }

    /** The latest text of the source (its sender's last edit), without its relations, naming where it came from. */
    private JsonObject forwardedContent(StoredEvent source) {
        JsonObject content = views.latestEdit(source)
                .flatMap(e -> e.full().content().object("m.new_content"))
                .orElse(source.pdu().content())
                .without("m.relates_to").without("m.new_content");
        return content.with(FORWARDED, JsonObject.builder()
                .put("event_id", source.pdu().eventId())
                .put("room_id", source.pdu().roomId())
                .put("sender", source.pdu().sender())
                .put("origin_server_ts", source.pdu().originServerTs())
                .build());
    }

    private SeedMessage sent(Requester requester, String roomId, String type, JsonObject content, String txnId) {
        String eventId = send.send(requester, roomId, type, content,
                txnId == null || txnId.isBlank() ? "seed-" + idGenerator.secret() : "seed-" + txnId);
        return views.view(events.find(eventId).orElseThrow(() -> new IllegalStateException("Sent event vanished")));
    }
}
