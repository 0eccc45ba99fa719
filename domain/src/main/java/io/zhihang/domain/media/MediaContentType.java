package io.zhihang.domain.media;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code Content-Type} an upload declared, kept as given when it is a well-formed media type and
 * {@code application/octet-stream} otherwise. Only types a browser cannot run as active content are served
 * {@code inline} (the spec's list, which is Synapse's); everything else is an attachment.
 */
public record MediaContentType(String value) {
    public static final MediaContentType OCTET_STREAM = new MediaContentType("application/octet-stream");

    private static final Pattern WELL_FORMED = Pattern.compile(
            "[A-Za-z0-9!#$&^_.+-]{1,127}/[A-Za-z0-9!#$&^_.+-]{1,127}(\\s*;\\s*[A-Za-z0-9!#$&^_.+-]+="
                    + "(\"[^\"\\\\\\r\\n]*\"|[A-Za-z0-9!#$&^_.+-]+))*\\s*");
    private static final Set<String> INLINE = Set.of(
            "text/css", "text/plain", "text/csv", "application/json", "application/ld+json",
            "image/jpeg", "image/gif", "image/png", "image/apng", "image/webp", "image/avif",
            "video/mp4", "video/webm", "video/ogg", "video/quicktime",
            "audio/mp4", "audio/webm", "audio/aac", "audio/mpeg", "audio/ogg", "audio/wave", "audio/wav",
            "audio/x-wav", "audio/x-pn-wav", "audio/flac", "audio/x-flac");

    /** The declared type, or {@code application/octet-stream} when it is absent or malformed. */
    public static MediaContentType declared(String header) {
        if (header == null || header.length() > 255 || !WELL_FORMED.matcher(header).matches()) {
            return OCTET_STREAM;
        }
        return new MediaContentType(header.trim());
    }

    /** {@code type/subtype} in lower case, without parameters. */
    public String essence() {
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** Whether browsers may show it in place: images, audio, video and plain text, never HTML or SVG. */
    public boolean inlineSafe() {
        return INLINE.contains(essence());
    }

    /** The type to send: text without a declared charset is sent as UTF-8, as Synapse does. */
    public String served() {
        if (essence().startsWith("text/") && !value.toLowerCase(Locale.ROOT).contains("charset=")) {
            return value + "; charset=utf-8";
        }
        return value;
    }

    public boolean isImage() {
        return essence().startsWith("image/");
    }

    @Override
    public String toString() {
        return value;
    }
}
