package io.zhihang.domain.shared;

/**
 * A server name per the spec's grammar: {@code hostname | IPv4 | "[" IPv6 "]"}, with an optional {@code :port}
 * (hostname characters {@code A-Z a-z 0-9 . -}, 1 to 255 of them; IPv6 literal characters {@code 0-9 A-F a-f : .},
 * 2 to 45; port 1 to 5 digits). Checked by hand rather than with a regular expression: every id parse passes here.
 */
public record ServerName(String value) {

    public ServerName {
        if (value == null || !valid(value)) {
            throw DomainException.invalidParam("Invalid server name: " + value);
        }
    }

    private static boolean valid(String s) {
        int hostEnd;
        if (!s.isEmpty() && s.charAt(0) == '[') {
            int close = s.indexOf(']');
            if (close < 0 || close - 1 < 2 || close - 1 > 45 || !all(s, 1, close, ServerName::ipv6Char)) {
                return false;
            }
            hostEnd = close + 1;
        } else {
            int colon = s.indexOf(':');
            hostEnd = colon < 0 ? s.length() : colon;
            if (hostEnd < 1 || hostEnd > 255 || !all(s, 0, hostEnd, ServerName::hostChar)) {
                return false;
            }
        }
        if (hostEnd == s.length()) {
            return true;
        }
        int digits = s.length() - hostEnd - 1;
        return s.charAt(hostEnd) == ':' && digits >= 1 && digits <= 5 && all(s, hostEnd + 1, s.length(), ServerName::digit);
    }

    private interface CharTest {
        boolean test(char c);
    }

    private static boolean all(String s, int from, int to, CharTest test) {
        for (int i = from; i < to; i++) {
            if (!test.test(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean hostChar(char c) {
        return digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '-';
    }

    private static boolean ipv6Char(char c) {
        return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
    }

    @Override
    public String toString() {
        return value;
    }
}
