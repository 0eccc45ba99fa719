package io.zhihang.domain.media;

import io.zhihang.domain.shared.DomainException;

/**
 * How a thumbnail fits its box: {@code scale} keeps the whole picture inside the box, {@code crop} fills the box and
 * cuts off what sticks out (Matrix client-server API, {@code GET /_matrix/client/v1/media/thumbnail}, query parameter
 * {@code method}).
 */
public enum ThumbnailMethod {
    SCALE("scale"),
    CROP("crop");

    private final String value;

    ThumbnailMethod(String value) {
        this.value = value;
    }

    /** The spec's spelling, as it appears in the query string and in stored thumbnail metadata. */
    public String value() {
        return value;
    }

    /** Parses the spec's spelling; the values are case-sensitive, as the spec writes them. */
    public static ThumbnailMethod parse(String value) {
        for (ThumbnailMethod method : values()) {
            if (method.value.equals(value)) {
                return method;
            }
        }
        throw DomainException.invalidParam("method must be \"scale\" or \"crop\"");
    }
}
