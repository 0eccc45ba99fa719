package io.zhihang.domain.media.audio;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One box (atom) of an ISO base media file: its four-character type and where its payload lies. Read by seeking to
 * the 8- or 16-byte header only, so a large {@code mdat} is never read.
 *
 * @param type         four-character code
 * @param payloadStart file offset just after the header
 * @param end          file offset just after the box
 */
record Mp4Box(String type, long payloadStart, long end) {
    /** A bound on the boxes visited in one container, so that a crafted file cannot make us walk for long. */
    private static final int MAX_CHILDREN = 4096;

    long payloadLength() {
        return end - payloadStart;
    }

    /**
     * The boxes between {@code from} and {@code to}, in order. Stops quietly at the first header that is cut off
     * or whose size is impossible; a box reaching past {@code to} is cut to it (a truncated file).
     */
    static List<Mp4Box> children(ByteSource source, long from, long to) throws IOException {
        List<Mp4Box> boxes = new ArrayList<>();
        long at = from;
        while (at + 8 <= to && boxes.size() < MAX_CHILDREN) {
            byte[] header = source.read(at, 16);
            if (header.length < 8) {
                break;
            }
            long size = Bytes.u32be(header, 0);
            int headerLength = 8;
            if (size == 1) {
                if (header.length < 16) {
                    break;
                }
                size = Bytes.s64be(header, 8);
                headerLength = 16;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < headerLength) {
                break;
            }
            long end = to - at < size ? to : at + size;
            boxes.add(new Mp4Box(type(header), at + headerLength, end));
            at = end;
        }
        return boxes;
    }

    /** The first child of type {@code type} of this box, or null. */
    Mp4Box child(ByteSource source, String type) throws IOException {
        for (Mp4Box box : children(source, payloadStart, end)) {
            if (box.type().equals(type)) {
                return box;
            }
        }
        return null;
    }

    private static String type(byte[] header) {
        char[] chars = new char[4];
        for (int i = 0; i < 4; i++) {
            chars[i] = (char) Bytes.u8(header, 4 + i);
        }
        return new String(chars);
    }
}
