package io.zhihang.domain.media.audio;

/**
 * One Ogg page header (RFC 3533 §6) read from a buffer, with where its body lies and whether its CRC holds.
 *
 * @param start        offset of the capture pattern in the buffer
 * @param headerType   flags: 0x01 continued packet, 0x02 beginning of stream, 0x04 end of stream
 * @param granule      the granule position, -1 when no packet ends on this page
 * @param bodyStart    offset of the first body byte in the buffer
 * @param bodyLength   bytes of body (the sum of the segment table)
 * @param crcValid     whether the stored checksum equals the computed one
 */
record OggPage(int start, int headerType, long granule, long serial, int bodyStart, int bodyLength, boolean crcValid) {
    static final int HEADER_LENGTH = 27;
    /** The longest possible page: a full header, 255 segments of 255 bytes. */
    static final int MAX_LENGTH = HEADER_LENGTH + 255 + 255 * 255;

    static final int BEGINNING_OF_STREAM = 0x02;

    /** How a parse attempt at some offset of a buffer ended. */
    sealed interface Parse {
        /** No page: the capture pattern or version is not there. */
        record NotAPage() implements Parse {
        }

        /** A page header starts here, but the buffer ends before the page does. */
        record Incomplete() implements Parse {
        }

        /** A whole page, with or without a valid checksum. */
        record Complete(OggPage page) implements Parse {
        }
    }

    /** Parses the page starting at {@code start} of {@code buffer}; never reads outside it. */
    static Parse parse(byte[] buffer, int start) {
        if (!Bytes.ascii(buffer, start, "OggS")) {
            return new Parse.NotAPage();
        }
        if (buffer.length - start < HEADER_LENGTH) {
            return new Parse.Incomplete();
        }
        if (Bytes.u8(buffer, start + 4) != 0) {
            return new Parse.NotAPage();
        }
        int segments = Bytes.u8(buffer, start + 26);
        int bodyStart = start + HEADER_LENGTH + segments;
        if (bodyStart > buffer.length) {
            return new Parse.Incomplete();
        }
        int bodyLength = 0;
        for (int i = 0; i < segments; i++) {
            bodyLength += Bytes.u8(buffer, start + HEADER_LENGTH + i);
        }
        if (bodyStart + bodyLength > buffer.length) {
            return new Parse.Incomplete();
        }
        int stored = (int) Bytes.u32le(buffer, start + 22);
        boolean crcValid = OggCrc.of(buffer, start, bodyStart + bodyLength - start) == stored;
        return new Parse.Complete(new OggPage(start, Bytes.u8(buffer, start + 5), Bytes.s64le(buffer, start + 6),
                Bytes.u32le(buffer, start + 14), bodyStart, bodyLength, crcValid));
    }

    boolean beginsStream() {
        return (headerType & BEGINNING_OF_STREAM) != 0;
    }
}
