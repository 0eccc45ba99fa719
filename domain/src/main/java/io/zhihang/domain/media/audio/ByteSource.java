package io.zhihang.domain.media.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Arrays;

/**
 * Positioned, bounded reads over the channel being inspected, so that the format readers seek to the few places
 * they need instead of reading a whole upload. A read past the end returns fewer bytes, never throws.
 */
final class ByteSource {
    /** The most any single read may ask for, so that corrupt length fields cannot make us allocate much. */
    static final int MAX_READ = 1 << 20;

    private final SeekableByteChannel channel;
    private final long size;

    ByteSource(SeekableByteChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    long size() {
        return size;
    }

    /** Up to {@code length} bytes from {@code position}: fewer at the end of the data, none outside it. */
    byte[] read(long position, int length) throws IOException {
        if (position < 0 || position >= size || length <= 0) {
            return new byte[0];
        }
        int wanted = (int) Math.min(Math.min(length, MAX_READ), size - position);
        ByteBuffer buffer = ByteBuffer.allocate(wanted);
        channel.position(position);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) <= 0) {
                break;
            }
        }
        return buffer.position() == wanted ? buffer.array() : Arrays.copyOf(buffer.array(), buffer.position());
    }

    /** Exactly {@code length} bytes from {@code position}, or null when the data ends before that. */
    byte[] readExactly(long position, int length) throws IOException {
        byte[] bytes = read(position, length);
        return bytes.length == length ? bytes : null;
    }
}
