package io.zhihang.application.port.in.voice;

import io.zhihang.application.port.in.media.MediaUpload;
import io.zhihang.domain.voice.Waveform;

/** A voice message to send: the audio as it arrives, the room, and the waveform the client drew, if any. */
public record VoiceUpload(String roomId, MediaUpload audio, Waveform waveform) {
}
