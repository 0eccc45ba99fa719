package io.zhihang.domain.voice;

import io.zhihang.domain.media.MediaId;
import io.zhihang.domain.shared.UserId;

import java.time.Duration;
import java.time.Instant;

/**
 * A voice message: an {@code m.audio} room message (its event id is the message id) whose audio is local media, with
 * the duration the server read from the audio itself.
 */
public record VoiceMessage(String eventId, String roomId, UserId sender, MediaId mediaId, String contentType,
                           Duration duration, long size, Instant createdAt) {
}
