package io.zhihang.domain.media.audio;

import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.TreeMap;

/**
 * A read-only channel of any size made of a few byte regions with zeros between them, which counts what is read
 * from it: a stand-in for a multi-gigabyte upload, and the witness that the inspector reads only a bounded part.
 */
final class SparseChannel implements SeekableByteChannel {
    private final long size;
    private final TreeMap<Long, byte[]> regions = new TreeMap<>();
    private long position;
    private long bytesRead;
    private int reads;

    SparseChannel(long size) {
        this.size = size;
    }

    /** A channel over exactly {@code bytes}. */
    static SparseChannel of(byte[] bytes) {
        return new SparseChannel(bytes.length).with(0, bytes);
    }

    SparseChannel with(long offset, byte[] bytes) {
        regions.put(offset, bytes);
        return this;
    }

    long bytesRead() {
        return bytesRead;
    }

    int reads() {
        return reads;
    }

    @Override
    public int read(ByteBuffer dst) {
        reads++;
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(dst.remaining(), size - position);
        for (int i = 0; i < n; i++) {
            dst.put(byteAt(position + i));
        }
        position += n;
        bytesRead += n;
        return n;
    }

    private byte byteAt(long at) {
        var region = regions.floorEntry(at);
        if (region == null || at - region.getKey() >= region.getValue().length) {
            return 0;
        }
        return region.getValue()[(int) (at - region.getKey())];
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void close() {
    }
}
