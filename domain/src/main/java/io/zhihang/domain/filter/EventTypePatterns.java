package io.zhihang.domain.filter;

/** The spec's event type patterns: {@code *} stands for any run of characters, anywhere in the pattern. */
final class EventTypePatterns {
    private EventTypePatterns() {
    }

    static boolean matches(String pattern, String type) {
        if (type == null) {
            return false;
        }
        int star = pattern.indexOf('*');
        if (star < 0) {
            return pattern.equals(type);
        }
        String[] parts = pattern.split("\\*", -1);
        if (!type.startsWith(parts[0])) {
            return false;
        }
        int pos = parts[0].length();
        for (int i = 1; i < parts.length - 1; i++) {
            int found = type.indexOf(parts[i], pos);
            if (found < 0) {
                return false;
            }
            pos = found + parts[i].length();
        }
        String last = parts[parts.length - 1];
        return type.length() - pos >= last.length() && type.endsWith(last);
    }

    static boolean anyMatches(Iterable<String> patterns, String type) {
        for (String pattern : patterns) {
            if (matches(pattern, type)) {
                return true;
            }
        }
        return false;
    }
}
