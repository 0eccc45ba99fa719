package io.zhihang.application.port.out.media;

/** What the store returns for bytes it now holds: their SHA-256 (hex) and length. */
public record StoredBlob(String sha256, long size) {
}
