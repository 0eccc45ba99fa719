package io.zhihang.domain.keys;

import io.zhihang.domain.shared.DomainException;

/**
 * The name of a key in an upload: {@code <algorithm>:<key id>} (one-time and fallback keys, e.g.
 * {@code signed_curve25519:AAAAAQ}) or {@code <algorithm>:<device id>} (device keys). Exactly one colon, as Synapse
 * demands ({@code len(k.split(":")) == 2}, so either side may be empty); anything else is {@code M_BAD_JSON}. Ids
 * longer than our key columns ({@value #MAX_LENGTH} characters) are {@code M_BAD_JSON} too.
 */
public record KeyId(String algorithm, String name) {
    public static final int MAX_LENGTH = 255;

    public KeyId {
        if (algorithm == null || name == null || algorithm.indexOf(':') >= 0 || name.indexOf(':') >= 0) {
            throw DomainException.badJson("Invalid key id: expected \"<algorithm>:<key id>\"");
        }
        if (algorithm.length() + name.length() + 1 > MAX_LENGTH) {
            throw DomainException.badJson("Key id is longer than " + MAX_LENGTH + " characters");
        }
    }

    public static KeyId parse(String raw) {
        int colon = raw == null ? -1 : raw.indexOf(':');
        if (colon < 0) {
            throw DomainException.badJson("Invalid key id: expected \"<algorithm>:<key id>\"");
        }
        return new KeyId(raw.substring(0, colon), raw.substring(colon + 1));
    }

    @Override
    public String toString() {
        return algorithm + ":" + name;
    }
}
