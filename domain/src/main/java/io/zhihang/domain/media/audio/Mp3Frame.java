package io.zhihang.domain.media.audio;

/**
 * The 4-byte header of an MPEG-1, MPEG-2 or MPEG-2.5 Layer III frame, decoded; only headers with a sync word, a
 * known version, Layer III, a non-free bitrate and a known sample rate are accepted.
 *
 * @param mpeg1          MPEG-1 (1152 samples a frame) rather than MPEG-2/2.5 (576)
 * @param bitrateKbps    kilobits per second
 * @param sampleRate     samples per second
 * @param channels       1 for mono, 2 otherwise
 * @param length         bytes in the whole frame, header included
 */
record Mp3Frame(boolean mpeg1, int versionBits, int bitrateKbps, int sampleRate, int channels, int length) {
    private static final int[] BITRATES_MPEG1 = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    private static final int[] BITRATES_MPEG2 = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
    private static final int[] RATES_MPEG1 = {44_100, 48_000, 32_000};

    /** The frame whose header is {@code header} (big-endian), or null when it is not a Layer III frame header. */
    static Mp3Frame parse(long header) {
        if ((header & 0xFFE0_0000L) != 0xFFE0_0000L) {
            return null;
        }
        int version = (int) (header >>> 19 & 3);
        int layer = (int) (header >>> 17 & 3);
        int bitrateIndex = (int) (header >>> 12 & 0xF);
        int rateIndex = (int) (header >>> 10 & 3);
        if (version == 1 || layer != 1 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
            return null;
        }
        boolean mpeg1 = version == 3;
        int bitrate = (mpeg1 ? BITRATES_MPEG1 : BITRATES_MPEG2)[bitrateIndex];
        int divisor = version == 3 ? 1 : version == 2 ? 2 : 4;
        int sampleRate = RATES_MPEG1[rateIndex] / divisor;
        int padding = (int) (header >>> 9 & 1);
        int channels = (header >>> 6 & 3) == 3 ? 1 : 2;
        int length = (mpeg1 ? 144 : 72) * bitrate * 1000 / sampleRate + padding;
        return new Mp3Frame(mpeg1, version, bitrate, sampleRate, channels, length);
    }

    int samplesPerFrame() {
        return mpeg1 ? 1152 : 576;
    }

    /** Offset from the frame start of a Xing/Info tag: after the header and the side information. */
    int xingOffset() {
        return 4 + (mpeg1 ? (channels == 1 ? 17 : 32) : (channels == 1 ? 9 : 17));
    }

    /** Whether {@code other} continues the same stream: same version, sample rate and channel layout. */
    boolean sameStreamAs(Mp3Frame other) {
        return other.versionBits == versionBits && other.sampleRate == sampleRate && other.channels == channels;
    }
}
