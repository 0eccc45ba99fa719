package io.zhihang.application.port.out.media;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the bytes of media live, addressed by their SHA-256: identical uploads share one stored copy. The database
 * holds what points at them.
 */
public interface MediaBlobStore {
    /**
     * Streams {@code in} into the store (refreshing the stored time of bytes it holds already). More than {@code maxBytes} aborts the copy, keeps nothing and throws the
     * {@code M_TOO_LARGE} refusal.
     */
    StoredBlob store(InputStream in, long maxBytes) throws IOException;

    StoredBlob store(byte[] bytes) throws IOException;

    Optional<MediaBlob> open(String sha256);

    /**
     * Removes the bytes unless they were stored (or stored again: identical uploads refresh them) at or after
     * {@code cutoff}; callers make sure nothing refers to them any more. Returns whether they were removed.
     */
    boolean deleteIfUntouchedSince(String sha256, Instant cutoff) throws IOException;
}
