package io.zhihang.domain.shared;

import java.util.regex.Pattern;

/**
 * A server name per the spec's grammar: {@code hostname | IPv4 | "[" IPv6 "]"}, with an optional {@code :port}.
 */
public record ServerName(String value) {
    private static final Pattern GRAMMAR = Pattern.compile(
            "(?:[A-Za-z0-9.-]{1,255}|\\[[0-9A-Fa-f:.]{2,45}])(?::[0-9]{1,5})?");

    public ServerName {
        if (value == null || !GRAMMAR.matcher(value).matches()) {
            throw DomainException.invalidParam("Invalid server name: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
