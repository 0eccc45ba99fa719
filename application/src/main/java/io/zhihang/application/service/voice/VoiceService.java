package io.zhihang.application.service.voice;

import io.zhihang.application.port.in.room.SendEventUseCase;
import io.zhihang.application.port.in.voice.VoiceMessagesUseCase;
import io.zhihang.application.port.in.voice.VoiceUpload;
import io.zhihang.application.port.out.media.MediaBlob;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.voice.VoiceMessageRepository;
import io.zhihang.application.service.media.MediaService;
import io.zhihang.application.service.room.HistoryFilter;
import io.zhihang.application.service.room.RoomAccess;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.media.MediaContentType;
import io.zhihang.domain.media.audio.AudioInfo;
import io.zhihang.domain.media.audio.AudioInspector;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import io.zhihang.domain.voice.VoiceContent;
import io.zhihang.domain.voice.VoiceMessage;
import io.zhihang.domain.voice.VoiceStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import java.util.Set;

/**
 * Voice messages: the audio is checked (it must be audio whose duration the server can read) and stored as media,
 * then sent to the room as an {@code m.audio} voice message; deleting one redacts the message and removes the audio.
 */
@ApplicationScoped
public class VoiceService implements VoiceMessagesUseCase {
    private final MediaService media;
    private final SendEventUseCase send;
    private final VoiceMessageRepository voices;
    private final RoomAccess access;
    private final HistoryFilter history;
    private final EventStore events;

    public VoiceService(MediaService media, SendEventUseCase send, VoiceMessageRepository voices, RoomAccess access,
                        HistoryFilter history, EventStore events) {
        this.media = media;
        this.send = send;
        this.voices = voices;
        this.access = access;
        this.history = history;
        this.events = events;
    }

    @Override
    public VoiceMessage upload(Requester requester, VoiceUpload upload) {
        access.ensureJoined(upload.roomId(), requester.userId().toString());
        MediaService.Checked<AudioInfo> stored = media.upload(requester, upload.audio(), VoiceService::inspect,
                audio -> MediaContentType.declared(audio.mimeType()));
        AudioInfo audio = stored.result();
        var info = stored.media();
        String fileName = info.uploadName().orElse(VoiceContent.BODY + audio.format().extension());
        String eventId = send.send(requester, upload.roomId(), "m.room.message",
                VoiceContent.of(media.uri(info.mediaId()), audio.mimeType(), info.size(), audio.duration(),
                        upload.waveform(), fileName),
                "zhihang-voice-" + info.mediaId());
        VoiceMessage message = new VoiceMessage(eventId, upload.roomId(), requester.userId(), info.mediaId(),
                audio.mimeType(), audio.duration(), info.size(), info.createdAt());
        voices.insert(message);
        return message;
    }

    @Override
    @Transactional
    public VoiceMessage get(Requester requester, String messageId) {
        VoiceMessage message = existing(messageId);
        if (visible(requester, List.of(message)).isEmpty()) {
            throw unknown();
        }
        return message;
    }

    @Override
    public void delete(Requester requester, String messageId) {
        VoiceMessage message = existing(messageId);
        String userId = requester.userId().toString();
        message.checkDeletableBy(requester.userId(), !message.sender().equals(requester.userId())
                && joined(message.roomId(), userId)
                && access.powerLevels(message.roomId()).userCanRedactOthers(userId));
        send.redact(requester, message.roomId(), message.eventId(), "Voice message deleted", null);
        if (voices.delete(message.eventId())) {
            media.delete(message.mediaId());
        }
    }

    @Override
    @Transactional
    public List<VoiceMessage> byUser(Requester requester, UserId sender, int limit, int offset) {
        return visible(requester, voices.bySender(sender, limit, offset));
    }

    @Override
    @Transactional
    public List<VoiceMessage> byRoom(Requester requester, String roomId, int limit, int offset) {
        if (!history.mayRead(roomId, requester.userId().toString())) {
            throw DomainException.forbidden("You may not read this room");
        }
        return visible(requester, voices.byRoom(roomId, limit, offset));
    }

    @Override
    @Transactional
    public VoiceStats stats(Requester requester, UserId sender) {
        if (!requester.userId().equals(sender) && !requester.admin()) {
            throw DomainException.forbidden("Only the user (or a server admin) may see their voice statistics");
        }
        return voices.stats(sender);
    }

    private List<VoiceMessage> visible(Requester requester, List<VoiceMessage> messages) {
        if (messages.isEmpty()) {
            return messages;
        }
        Set<String> shown = history.visibleIds(requester.userId().toString(),
                events.findAll(messages.stream().map(VoiceMessage::eventId).toList()));
        return messages.stream().filter(m -> shown.contains(m.eventId())).toList();
    }

    private boolean joined(String roomId, String userId) {
        return access.membership(roomId, userId).filter("join"::equals).isPresent();
    }

    private VoiceMessage existing(String messageId) {
        return voices.find(messageId).orElseThrow(VoiceService::unknown);
    }

    private static DomainException unknown() {
        return DomainException.notFound("Unknown voice message");
    }

    private static AudioInfo inspect(MediaBlob blob) {
        try (SeekableByteChannel channel = blob.channel()) {
            return AudioInspector.inspect(channel).orElseThrow(() -> DomainException.invalidParam(
                    "Not audio in a format whose duration the server can read (Ogg/Opus, WAV, …)"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read stored audio", e);
        }
    }
}
