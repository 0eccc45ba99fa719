package io.zhihang.domain.security;

import java.util.Locale;
import java.util.Optional;

/** What a security event records. Wire names are the lower-case constant names ({@code failed_login}, …). */
public enum SecurityEventType {
    /** A password login that did not succeed. */
    FAILED_LOGIN,
    /** A user-interactive authentication stage that did not succeed. */
    UIA_FAILED,
    /** A request refused by a rate limit. */
    RATE_LIMITED,
    /** A request refused because its address is blocked. */
    BLOCKED_ADDRESS,
    /** An address blocked automatically because its reputation fell below the threshold. */
    AUTO_BLOCK,
    /** Anything a server admin did through the admin API: the audit trail. */
    ADMIN_ACTION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SecurityEventType> ofWireName(String name) {
        for (SecurityEventType type : values()) {
            if (type.wireName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
