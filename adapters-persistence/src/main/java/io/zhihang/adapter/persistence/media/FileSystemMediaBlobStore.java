package io.zhihang.adapter.persistence.media;

import io.zhihang.application.port.out.media.MediaBlob;
import io.zhihang.application.port.out.media.MediaBlobStore;
import io.zhihang.application.port.out.media.StoredBlob;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Media bytes as files named by their SHA-256 under the data directory ({@code media/ab/cd/<sha256>}). An upload is
 * streamed into {@code incoming/} while it is hashed and counted, then moved into place atomically; if the same
 * bytes are there already, the copy is dropped and the existing file's time refreshed (so a concurrent clean-up
 * leaves it alone). Nothing is ever half-written under a content name, and a stored file is on disk (its bytes and
 * its directory entry synced) before the upload is acknowledged, as durable as the database row that names it.
 */
@ApplicationScoped
public class FileSystemMediaBlobStore implements MediaBlobStore {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path incoming;

    public FileSystemMediaBlobStore(MediaStoreSettings settings) {
        this.root = settings.directory().toAbsolutePath().normalize();
        this.incoming = root.resolve("incoming");
    }

    @Override
    public StoredBlob store(InputStream in, long maxBytes) throws IOException {
        Files.createDirectories(incoming);
        Path part = incoming.resolve(UUID.randomUUID() + ".part");
        try {
            MessageDigest digest = sha256();
            long size = 0;
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                byte[] buffer = new byte[BUFFER];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw new DomainException(ErrorKind.TOO_LARGE,
                                "Upload is larger than the server allows (" + maxBytes + " bytes)");
                    }
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
                channel.force(true);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            place(part, pathOf(sha));
            return new StoredBlob(sha, size);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    @Override
    public StoredBlob store(byte[] bytes) throws IOException {
        return store(new ByteArrayInputStream(bytes), Long.MAX_VALUE);
    }

    @Override
    public Optional<MediaBlob> open(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            return Optional.empty();
        }
        Path path = pathOf(sha256);
        try {
            return Optional.of(new FileMediaBlob(path, Files.size(path)));
        } catch (IOException missing) {
            return Optional.empty();
        }
    }

    @Override
    public boolean deleteIfUntouchedSince(String sha256, Instant cutoff) throws IOException {
        if (!SHA256.matcher(sha256).matches()) {
            return false;
        }
        Path path = pathOf(sha256);
        try {
            if (!Files.getLastModifiedTime(path).toInstant().isBefore(cutoff)) {
                return false;
            }
            return Files.deleteIfExists(path);
        } catch (NoSuchFileException gone) {
            return false;
        }
    }

    private void place(Path part, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
            return;
        }
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
            return;
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(target.getParent());
    }

    /** Makes a new directory entry durable (on Linux a directory opened for reading can be synced). */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            // Some platforms and file systems cannot sync a directory; the rename itself has happened.
        }
    }

    private Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }
}
