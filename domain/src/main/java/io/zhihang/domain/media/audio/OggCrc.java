package io.zhihang.domain.media.audio;

/**
 * The CRC-32 of an Ogg page (RFC 3533 §6): polynomial 0x04C11DB7, initial value 0, not reflected, no final xor, over
 * the whole page with its checksum field taken as zero. It is not the zlib CRC of {@link java.util.zip.CRC32}.
 */
final class OggCrc {
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int r = i << 24;
            for (int bit = 0; bit < 8; bit++) {
                r = (r & 0x8000_0000) != 0 ? r << 1 ^ 0x04C1_1DB7 : r << 1;
            }
            TABLE[i] = r;
        }
    }

    private OggCrc() {
    }

    /** The checksum of {@code length} bytes of {@code page} from {@code offset}, bytes 22..25 counting as zero. */
    static int of(byte[] page, int offset, int length) {
        int crc = 0;
        for (int i = 0; i < length; i++) {
            int b = i >= 22 && i < 26 ? 0 : page[offset + i] & 0xFF;
            crc = crc << 8 ^ TABLE[(crc >>> 24 ^ b) & 0xFF];
        }
        return crc;
    }
}
