package io.zhihang.application.port.in.media;

import io.zhihang.application.port.out.media.MediaBlob;
import io.zhihang.domain.media.MediaContentType;

import java.util.Optional;

/** Content to send back: its type, the file name it was uploaded with, and the bytes. */
public record MediaContent(MediaContentType contentType, Optional<String> fileName, MediaBlob bytes) {
}
