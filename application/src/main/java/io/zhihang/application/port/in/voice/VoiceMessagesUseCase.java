package io.zhihang.application.port.in.voice;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.UserId;
import io.zhihang.domain.voice.VoiceMessage;
import io.zhihang.domain.voice.VoiceStats;

import java.util.List;

/**
 * The seed's voice API: a voice message is real media plus a real {@code m.audio} room message. Reads show only
 * messages the caller may see in the room's history.
 */
public interface VoiceMessagesUseCase {
    VoiceMessage upload(Requester requester, VoiceUpload upload);

    VoiceMessage get(Requester requester, String messageId);

    /** The sender, or a room member allowed to redact others' events, removes it: redacted, and its audio gone. */
    void delete(Requester requester, String messageId);

    /** Newest first. */
    List<VoiceMessage> byUser(Requester requester, UserId sender, int limit, int offset);

    /** Newest first; the caller must be able to read the room. */
    List<VoiceMessage> byRoom(Requester requester, String roomId, int limit, int offset);

    /** The user's own totals (or any user's, for a server admin). */
    VoiceStats stats(Requester requester, UserId sender);
}
