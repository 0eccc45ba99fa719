package io.zhihang.domain.protocol;

import java.util.Base64;

/** The spec's unpadded Base64 (standard alphabet), and its URL-safe variant for newer event ids. */
public final class UnpaddedBase64 {
    private static final Base64.Encoder STD = Base64.getEncoder().withoutPadding();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private UnpaddedBase64() {
    }

    public static String encode(byte[] bytes) {
        return STD.encodeToString(bytes);
    }

    public static String encodeUrlSafe(byte[] bytes) {
        return URL.encodeToString(bytes);
    }

    /** Decodes padded or unpadded, standard or URL-safe input. */
    public static byte[] decode(String text) {
        String s = text.trim().replace('-', '+').replace('_', '/');
        return Base64.getDecoder().decode(s);
    }
}
