package io.zhihang.application.port.out.voice;

import io.zhihang.domain.shared.UserId;
import io.zhihang.domain.voice.VoiceMessage;
import io.zhihang.domain.voice.VoiceStats;

import java.util.List;
import java.util.Optional;

/** Voice messages: which room event each is, with its audio's media id, duration and size. */
public interface VoiceMessageRepository {
    void insert(VoiceMessage message);

    Optional<VoiceMessage> find(String eventId);

    boolean delete(String eventId);

    /** Newest first. */
    List<VoiceMessage> bySender(UserId sender, int limit, int offset);

    /** Newest first. */
    List<VoiceMessage> byRoom(String roomId, int limit, int offset);

    VoiceStats stats(UserId sender);
}
