package io.zhihang.domain.media.audio;

import java.io.IOException;
import java.util.Optional;

/**
 * RIFF/WAVE: walks the chunks after the 12-byte RIFF header by seeking over their bodies (each padded to an even
 * length; unknown chunks skipped) until it has both {@code fmt } and {@code data}. The duration is the data size over
 * the byte rate. A data chunk that claims more bytes than the file holds (a truncated upload, or a streaming writer's
 * 0xFFFFFFFF) counts only the bytes that are there. For PCM the byte rate must agree with sample rate times block
 * alignment, a cheap check that the header is what it says.
 */
final class WavInspector {
    /** Enough chunks for any real file; a bound on the work a crafted one can cause. */
    private static final int MAX_CHUNKS = 1024;
    private static final int PCM = 0x0001;
    private static final int IEEE_FLOAT = 0x0003;
    private static final int EXTENSIBLE = 0xFFFE;

    private WavInspector() {
    }

    static Optional<AudioInfo> inspect(ByteSource source) throws IOException {
        byte[] fmt = null;
        long dataBytes = -1;
        long at = 12;
        for (int chunk = 0; chunk < MAX_CHUNKS && (fmt == null || dataBytes < 0); chunk++) {
            byte[] header = source.readExactly(at, 8);
            if (header == null) {
                break;
            }
            long size = Bytes.u32le(header, 4);
            long body = at + 8;
            if (Bytes.ascii(header, 0, "fmt ") && fmt == null) {
                fmt = source.readExactly(body, 16);
                if (fmt == null || size < 16) {
                    return Optional.empty();
                }
            } else if (Bytes.ascii(header, 0, "data") && dataBytes < 0) {
                dataBytes = Math.min(size, source.size() - body);
            }
            at = body + size + (size & 1);
        }
        if (fmt == null || dataBytes <= 0) {
            return Optional.empty();
        }
        int formatTag = Bytes.u16le(fmt, 0);
        int channels = Bytes.u16le(fmt, 2);
        long sampleRate = Bytes.u32le(fmt, 4);
        long byteRate = Bytes.u32le(fmt, 8);
        int blockAlign = Bytes.u16le(fmt, 12);
        if (channels == 0 || sampleRate == 0 || sampleRate > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        boolean pcm = formatTag == PCM || formatTag == IEEE_FLOAT || formatTag == EXTENSIBLE;
        if (pcm && byteRate != sampleRate * blockAlign) {
            return Optional.empty();
        }
        return Bytes.duration(dataBytes, byteRate)
                .map(duration -> AudioInfo.of(AudioFormat.WAV, duration, (int) sampleRate, channels));
    }
}
