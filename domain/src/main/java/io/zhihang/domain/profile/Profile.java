package io.zhihang.domain.profile;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;

/** Display name and avatar of a user; either may be absent (null). */
public record Profile(String displayName, String avatarUrl) {
    public static final int MAX_DISPLAY_NAME_LENGTH = 256;
    public static final int MAX_AVATAR_URL_LENGTH = 1000;
    public static final Profile EMPTY = new Profile(null, null);

    public Profile {
        displayName = blankToNull(displayName);
        avatarUrl = blankToNull(avatarUrl);
        if (displayName != null && displayName.length() > MAX_DISPLAY_NAME_LENGTH) {
            throw new DomainException(ErrorKind.INVALID_PARAM,
                    "Display name is too long (max " + MAX_DISPLAY_NAME_LENGTH + ")");
        }
        if (avatarUrl != null && avatarUrl.length() > MAX_AVATAR_URL_LENGTH) {
            throw new DomainException(ErrorKind.INVALID_PARAM,
                    "Avatar URL is too long (max " + MAX_AVATAR_URL_LENGTH + ")");
        }
    }

    public Profile withDisplayName(String name) {
        return new Profile(name, avatarUrl);
    }

    public Profile withAvatarUrl(String url) {
        return new Profile(displayName, url);
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
