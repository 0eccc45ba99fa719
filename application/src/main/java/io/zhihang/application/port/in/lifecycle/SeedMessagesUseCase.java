package io.zhihang.application.port.in.lifecycle;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.lifecycle.EditHistory;

import java.util.List;

/**
 * The seed API's messages ({@code /api/messages/...}) on top of the Matrix rooms: the same events, the same rules.
 * Message, chat and user ids may be the seed's numbers or Matrix ids.
 */
public interface SeedMessagesUseCase {
    SeedMessage send(Requester requester, MessageTarget target, OutgoingMessage message);

    /** An {@code m.in_reply_to} reply to a message the requester may read, in that message's room. */
    SeedMessage reply(Requester requester, String replyTo, MessageTarget target, OutgoingMessage message);

    /**
     * A copy of a readable, not recalled message in the target chat, pointing at its origin; a comment, if any,
     * follows it as a text message. Returns the copy (and the comment).
     */
    List<SeedMessage> forward(Requester requester, String messageId, MessageTarget target, String comment);

    SeedMessage get(Requester requester, String messageId);

    /** Recalls (redacts) a message: its sender or a room moderator, within the recall window, once. */
    void recall(Requester requester, String messageId, String reason);

    /** Edits a message's text ({@code m.replace}): its sender only, within the edit window, at most 5 times. */
    SeedMessage edit(Requester requester, String messageId, String content, String reason);

    /** The message's edits, oldest first, for anyone who may read it. */
    EditHistory editHistory(Requester requester, String messageId);
}
