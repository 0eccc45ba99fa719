package io.zhihang.adapter.persistence.media;

import io.zhihang.application.port.out.media.MediaBlob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** Stored content that is a file of the store. */
record FileMediaBlob(Path path, long size) implements MediaBlob {

    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(path);
    }

    @Override
    public SeekableByteChannel channel() throws IOException {
        return FileChannel.open(path, StandardOpenOption.READ);
    }

    @Override
    public Optional<Path> file() {
        return Optional.of(path);
    }
}
