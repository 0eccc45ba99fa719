package io.zhihang.adapter.persistence.media;

import java.nio.file.Path;

/**
 * Where the media store keeps its files, produced by the server module from its configuration.
 *
 * @param directory the store's root; content lives in {@code ab/cd/<sha256>} below it, uploads in flight in
 *                  {@code incoming/}
 */
public record MediaStoreSettings(Path directory) {
}
