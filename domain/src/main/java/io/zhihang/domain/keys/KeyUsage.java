package io.zhihang.domain.keys;

/** The three cross-signing keys, named as in their {@code usage} lists and in {@code /keys/device_signing/upload}. */
public enum KeyUsage {
    MASTER("master", "master_key"),
    SELF_SIGNING("self_signing", "self_signing_key"),
    USER_SIGNING("user_signing", "user_signing_key");

    private final String usage;
    private final String field;

    KeyUsage(String usage, String field) {
        this.usage = usage;
        this.field = field;
    }

    /** The name in a key's {@code usage} list and in storage: {@code master}, {@code self_signing}, {@code user_signing}. */
    public String usage() {
        return usage;
    }

    /** The request field of {@code /keys/device_signing/upload}: {@code master_key} … */
    public String field() {
        return field;
    }

    public static KeyUsage ofUsage(String usage) {
        for (KeyUsage u : values()) {
            if (u.usage.equals(usage)) {
                return u;
            }
        }
        throw new IllegalArgumentException("Unknown key usage " + usage);
    }
}
