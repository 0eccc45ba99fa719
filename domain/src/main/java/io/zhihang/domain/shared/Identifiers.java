package io.zhihang.domain.shared;

import java.nio.charset.StandardCharsets;

/** Grammar checks shared by the sigil identifiers (matrix-spec, appendices "Identifier Grammar"). */
final class Identifiers {
    /** Room ids, event ids and room aliases, including sigil and server, may not exceed 255 bytes of UTF-8. */
    static final int MAX_BYTES = 255;

    private Identifiers() {
    }

    /** Any valid Unicode code points except {@code :} and NUL; at least one. */
    static boolean isOpaqueLocalpart(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':' || c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** {@code length} characters of the Base64 alphabet, standard ({@code + /}) or URL-safe ({@code - _}). */
    static boolean isUnpaddedBase64(String s, int length, boolean allowStandard, boolean allowUrlSafe) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            boolean standard = allowStandard && (c == '+' || c == '/');
            boolean urlSafe = allowUrlSafe && (c == '-' || c == '_');
            if (!alnum && !standard && !urlSafe) {
                return false;
            }
        }
        return true;
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The server part, re-thrown with the whole identifier in the message. */
    static ServerName server(String raw, String serverPart, String what) {
        try {
            return new ServerName(serverPart);
        } catch (DomainException e) {
            throw DomainException.invalidParam("Invalid " + what + " (bad server name): " + raw);
        }
    }
}
