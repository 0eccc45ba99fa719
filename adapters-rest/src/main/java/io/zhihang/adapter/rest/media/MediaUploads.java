package io.zhihang.adapter.rest.media;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.application.port.in.media.MediaUpload;

import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;

/** An upload as a request carries it: the body stream with its declared length and type, and {@code ?filename=}. */
public final class MediaUploads {
    private MediaUploads() {
    }

    public static MediaUpload of(InputStream body, String fileName, HttpServerRequest request) {
        return new MediaUpload(body, declaredLength(request.getHeader("Content-Length")),
                request.getHeader("Content-Type"), Optional.ofNullable(fileName).filter(n -> !n.isBlank()));
    }

    private static OptionalLong declaredLength(String header) {
        if (header == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
