package io.zhihang.application.port.in.media;

import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The body of an upload as it arrives: a stream (not yet read), the length the client declared, if any, and the
 * declared type and file name.
 */
public record MediaUpload(InputStream body, OptionalLong declaredLength, String contentType,
                          Optional<String> fileName) {
}
