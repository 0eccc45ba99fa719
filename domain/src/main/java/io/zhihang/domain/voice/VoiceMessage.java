package io.zhihang.domain.voice;

import io.zhihang.domain.media.MediaId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;

import java.time.Duration;
import java.time.Instant;

/**
 * A voice message: an {@code m.audio} room message (its event id is the message id) whose audio is local media, with
 * the duration the server read from the audio itself.
 */
public record VoiceMessage(String eventId, String roomId, UserId sender, MediaId mediaId, String contentType,
                           Duration duration, long size, Instant createdAt) {

    /**
     * Only the sender, or a member of the room who may redact others' events (a moderator), deletes a voice message.
     *
     * @param moderator whether {@code requester} is joined to the room with the power to redact others
     */
    public void checkDeletableBy(UserId requester, boolean moderator) {
        if (!sender.equals(requester) && !moderator) {
            throw DomainException.forbidden("Only the sender or a room moderator may delete a voice message");
        }
    }
}
