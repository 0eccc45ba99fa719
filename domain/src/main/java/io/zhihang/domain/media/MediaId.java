package io.zhihang.domain.media;

import io.zhihang.domain.shared.DomainException;

import java.util.regex.Pattern;

/**
 * The opaque part of an {@code mxc://} URI. The spec limits media ids to {@code [A-Za-z0-9_-]+}, which keeps them
 * safe in paths and file names.
 */
public record MediaId(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    public MediaId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw DomainException.invalidParam("Media ids may only contain A-Z, a-z, 0-9, _ and -");
        }
    }

    /** Whether {@code value} is a well-formed media id (for lookups that answer 404 rather than 400). */
    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
