package io.zhihang.server.media.preview;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file name of a {@code Content-Disposition} header (RFC 6266), as Synapse's
 * {@code get_filename_from_headers}: {@code filename*=UTF-8''…} preferred over {@code filename=…}.
 */
final class ContentDispositions {
    private static final Pattern EXTENDED = Pattern.compile("(?i)filename\\*\\s*=\\s*utf-8''([^;\\s]+)");
    private static final Pattern PLAIN = Pattern.compile("(?i)filename\\s*=\\s*(\"([^\"]*)\"|([^;\\s]+))");

    private ContentDispositions() {
    }

    static Optional<String> fileName(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher extended = EXTENDED.matcher(header);
        if (extended.find()) {
            try {
                return nonBlank(URLDecoder.decode(extended.group(1).replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        Matcher plain = PLAIN.matcher(header);
        if (plain.find()) {
            return nonBlank(plain.group(2) != null ? plain.group(2) : plain.group(3));
        }
        return Optional.empty();
    }

    private static Optional<String> nonBlank(String name) {
        return name == null || name.isBlank() ? Optional.empty() : Optional.of(name);
    }
}
