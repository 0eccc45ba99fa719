package io.zhihang.domain.media;

import io.zhihang.domain.shared.DomainException;

/**
 * The file name an upload was given ({@code ?filename=}). Any text is kept except control characters and path
 * separators, which have no place in a name shown to users and sent back in a header.
 */
public final class MediaFileName {
    public static final int MAX_LENGTH = 255;

    private MediaFileName() {
    }

    public static String check(String name) {
        if (name.length() > MAX_LENGTH) {
            throw DomainException.invalidParam("filename is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '/' || c == '\\') {
                throw DomainException.invalidParam("filename contains a control character or a path separator");
            }
        }
        return name;
    }
}
