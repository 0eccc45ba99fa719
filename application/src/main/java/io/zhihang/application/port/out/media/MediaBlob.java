package io.zhihang.application.port.out.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.Optional;

/** Stored bytes, readable as a stream or, for parsers that seek, as a channel. */
public interface MediaBlob {
    long size();

    InputStream open() throws IOException;

    SeekableByteChannel channel() throws IOException;

    /** The file behind the blob, when it is one (the HTTP edge can then send it without copying). */
    default Optional<Path> file() {
        return Optional.empty();
    }
}
