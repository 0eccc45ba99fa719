package io.zhihang.domain.voice;

import io.zhihang.domain.media.MxcUri;
import io.zhihang.domain.protocol.json.JsonObject;

import java.time.Duration;

/**
 * The content of a voice message as Element sends and recognises it: {@code m.audio} with {@code info.duration},
 * the extensible-event fields of MSC1767 ({@code org.matrix.msc1767.text/file/audio}, with the waveform) and the
 * MSC3245 marker {@code org.matrix.msc3245.voice} that makes clients draw it as a voice message.
 */
public final class VoiceContent {
    public static final String BODY = "Voice message";

    private VoiceContent() {
    }

    public static JsonObject of(MxcUri url, String mimeType, long size, Duration duration, Waveform waveform,
                                String fileName) {
        long millis = duration.toMillis();
        JsonObject info = JsonObject.builder()
                .put("mimetype", mimeType)
                .put("size", size)
                .put("duration", millis)
                .build();
        JsonObject file = JsonObject.builder()
                .put("url", url.toString())
                .put("name", fileName)
                .put("mimetype", mimeType)
                .put("size", size)
                .build();
        JsonObject.Builder audio = JsonObject.builder().put("duration", millis);
        if (!waveform.isEmpty()) {
            audio.put("waveform", waveform.toJson());
        }
        return JsonObject.builder()
                .put("msgtype", "m.audio")
                .put("body", BODY)
                .put("url", url.toString())
                .put("info", info)
                .put("org.matrix.msc1767.text", BODY)
                .put("org.matrix.msc1767.file", file)
                .put("org.matrix.msc1767.audio", audio.build())
                .put("org.matrix.msc3245.voice", JsonObject.EMPTY)
                .build();
    }
}
