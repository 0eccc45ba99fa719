package io.zhihang.domain.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC of Synapse's shared-secret registration ({@code /_synapse/admin/v1/register}):
 * HMAC-SHA1 over {@code nonce \0 username \0 password \0 (admin|notadmin) [\0 user_type]}, hex encoded.
 */
public final class SharedSecretMac {
    private SharedSecretMac() {
    }

    public static String compute(String secret, String nonce, String username, String password, boolean admin,
                                 String userType) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            update(mac, nonce);
            mac.update((byte) 0);
            update(mac, username);
            mac.update((byte) 0);
            update(mac, password);
            mac.update((byte) 0);
            update(mac, admin ? "admin" : "notadmin");
            if (userType != null) {
                mac.update((byte) 0);
                update(mac, userType);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    /** Constant-time comparison of the client's hex MAC with the expected one. */
    public static boolean matches(String expectedHex, String givenHex) {
        if (givenHex == null) {
            return false;
        }
        return MessageDigest.isEqual(expectedHex.getBytes(StandardCharsets.US_ASCII),
                givenHex.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private static void update(Mac mac, String s) {
        mac.update(s.getBytes(StandardCharsets.UTF_8));
    }
}
