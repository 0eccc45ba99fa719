package io.zhihang.domain.media.audio;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * MP3 (MPEG Layer III): finds the first frame within {@link #SYNC_SEARCH} bytes after any ID3v2 tag, and accepts it
 * only if the next {@link #CONFIRMING_FRAMES} frames follow it back to back with consistent headers (a lone sync
 * word is too easily found in other data). The duration is the frame count of a Xing/Info or VBRI header times
 * the samples per frame; without one, a constant-bitrate estimate from the first frame's bitrate and the bytes
 * from that frame to the end of the file (less an ID3v1 tag), so a truncated CBR file yields what it holds.
 */
final class Mp3Inspector {
    static final int SYNC_SEARCH = 64 * 1024;
    private static final int CONFIRMING_FRAMES = 2;
    private static final int ID3V1_LENGTH = 128;

    private Mp3Inspector() {
    }

    /** Reads the MPEG audio that starts at or shortly after {@code offset}. */
    static Optional<AudioInfo> inspect(ByteSource source, long offset) throws IOException {
        byte[] window = source.read(offset, SYNC_SEARCH + 4);
        for (int i = 0; i + 4 <= window.length; i++) {
            if ((window[i] & 0xFF) != 0xFF) {
                continue;
            }
            Mp3Frame first = Mp3Frame.parse(Bytes.u32be(window, i));
            if (first != null && confirmed(source, offset + i, first)) {
                return measure(source, offset + i, first);
            }
        }
        return Optional.empty();
    }

    private static boolean confirmed(ByteSource source, long at, Mp3Frame first) throws IOException {
        long next = at + first.length();
        for (int k = 0; k < CONFIRMING_FRAMES; k++) {
            byte[] header = source.readExactly(next, 4);
            Mp3Frame frame = header == null ? null : Mp3Frame.parse(Bytes.u32be(header, 0));
            if (frame == null || !first.sameStreamAs(frame)) {
                return false;
            }
            next += frame.length();
        }
        return true;
    }

    private static Optional<AudioInfo> measure(ByteSource source, long at, Mp3Frame first) throws IOException {
        byte[] frame = source.read(at, first.length());
        long frames = frameCount(frame, first);
        Optional<Duration> duration;
        if (frames > 0) {
            duration = Bytes.duration(frames * first.samplesPerFrame(), first.sampleRate());
        } else {
            long end = source.size();
            byte[] tag = source.read(end - ID3V1_LENGTH, 3);
            if (end - ID3V1_LENGTH >= at && Bytes.ascii(tag, 0, "TAG")) {
                end -= ID3V1_LENGTH;
            }
            duration = Bytes.duration((end - at) * 8, first.bitrateKbps() * 1000L);
        }
        return duration.map(d -> AudioInfo.of(AudioFormat.MP3, d, first.sampleRate(), first.channels()));
    }

    /** Frames counted by a Xing/Info or VBRI header in the first frame, or 0 when it has none. */
    private static long frameCount(byte[] frame, Mp3Frame first) {
        int xing = first.xingOffset();
        if ((Bytes.ascii(frame, xing, "Xing") || Bytes.ascii(frame, xing, "Info")) && frame.length >= xing + 12
                && (Bytes.u32be(frame, xing + 4) & 1) != 0) {
            return Bytes.u32be(frame, xing + 8);
        }
        int vbri = 4 + 32;
        if (Bytes.ascii(frame, vbri, "VBRI") && frame.length >= vbri + 18) {
            return Bytes.u32be(frame, vbri + 14);
        }
        return 0;
    }
}
