package io.zhihang.application.service.room;

import io.zhihang.domain.shared.DomainException;

/**
 * Pagination tokens: {@code s<position>} names a place in the server-wide event stream; the events at or before
 * the position lie behind it. A sync token ({@code s<position>_<other streams>…}) is accepted too (clients may page
 * from a {@code next_batch}); only its event position counts here.
 */
public final class StreamToken {
    private StreamToken() {
    }

    public static String format(long position) {
        return "s" + Math.max(0, position);
    }

    public static long parse(String token) {
        if (token == null || token.length() < 2 || token.charAt(0) != 's') {
            throw DomainException.invalidParam("Invalid pagination token");
        }
        try {
            int end = token.indexOf('_');
            long position = Long.parseLong(token.substring(1, end < 0 ? token.length() : end));
            if (position < 0) {
                throw DomainException.invalidParam("Invalid pagination token");
            }
            return position;
        } catch (NumberFormatException e) {
            throw DomainException.invalidParam("Invalid pagination token");
        }
    }
}
