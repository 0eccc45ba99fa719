package io.zhihang.domain.media.audio;

import java.io.IOException;
import java.util.Optional;

/**
 * Native FLAC: the mandatory first metadata block, STREAMINFO, holds the sample rate, the channel count and the
 * total number of inter-channel samples; the duration is total samples over rate. A total of 0 means the encoder did
 * not know it, which leaves no trustworthy duration. To tell FLAC from bytes that merely begin with {@code fLaC},
 * STREAMINFO's block sizes must be sane and the first audio frame's sync code must follow the metadata blocks.
 * Beyond that the header's claim is taken as is: a truncated file still reports the length it was encoded with.
 */
final class FlacInspector {
    private static final int STREAMINFO = 0;
    private static final int STREAMINFO_LENGTH = 34;
    /** More metadata blocks than any encoder writes; a bound on the walk to the first frame. */
    private static final int MAX_BLOCKS = 256;

    private FlacInspector() {
    }

    /** Reads the stream that starts with {@code fLaC} at {@code offset} (after any ID3v2 tag). */
    static Optional<AudioInfo> inspect(ByteSource source, long offset) throws IOException {
        byte[] b = source.readExactly(offset, 4 + 4 + STREAMINFO_LENGTH);
        if (b == null || !Bytes.ascii(b, 0, "fLaC")
                || (Bytes.u8(b, 4) & 0x7F) != STREAMINFO || Bytes.u24be(b, 5) != STREAMINFO_LENGTH) {
            return Optional.empty();
        }
        int info = 8;
        int minBlock = Bytes.u16be(b, info);
        int maxBlock = Bytes.u16be(b, info + 2);
        int sampleRate = Bytes.u24be(b, info + 10) >>> 4;
        int channels = (Bytes.u8(b, info + 12) >>> 1 & 0x07) + 1;
        long totalSamples = (Bytes.u8(b, info + 13) & 0x0FL) << 32 | Bytes.u32be(b, info + 14);
        if (minBlock < 16 || maxBlock < minBlock || !framesFollow(source, offset + 4)) {
            return Optional.empty();
        }
        return Bytes.duration(totalSamples, sampleRate)
                .map(duration -> AudioInfo.of(AudioFormat.FLAC, duration, sampleRate, channels));
    }

    /** Whether the metadata blocks from {@code at} end with a last-block flag and a frame sync code after them. */
    private static boolean framesFollow(ByteSource source, long at) throws IOException {
        for (int block = 0; block < MAX_BLOCKS; block++) {
            byte[] header = source.readExactly(at, 4);
            if (header == null) {
                return false;
            }
            at += 4 + Bytes.u24be(header, 1);
            if ((header[0] & 0x80) != 0) {
                byte[] sync = source.readExactly(at, 2);
                return sync != null && Bytes.u8(sync, 0) == 0xFF && (Bytes.u8(sync, 1) & 0xFE) == 0xF8;
            }
        }
        return false;
    }
}
