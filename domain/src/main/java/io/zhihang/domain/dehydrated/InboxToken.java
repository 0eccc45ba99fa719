package io.zhihang.domain.dehydrated;

import io.zhihang.domain.shared.DomainException;

/**
 * Where a reading of a dehydrated device's to-device messages stands: {@code d<position>} in the to-device stream,
 * Synapse's format. Reading from it returns the messages positioned after it.
 */
public record InboxToken(long position) {
    public static final InboxToken START = new InboxToken(0);

    public InboxToken {
        if (position < 0) {
            throw DomainException.invalidParam("Inbox positions are not negative");
        }
    }

    /** A token from a client; null (none given) is the start. Anything else than {@code d<digits>} is refused. */
    public static InboxToken parse(String token) {
        if (token == null) {
            return START;
        }
        if (!token.startsWith("d") || token.length() == 1 || token.length() > 20
                || !token.chars().skip(1).allMatch(c -> c >= '0' && c <= '9')) {
            throw DomainException.invalidParam("Invalid batch token " + token);
        }
        return new InboxToken(Long.parseLong(token.substring(1)));
    }

    @Override
    public String toString() {
        return "d" + position;
    }
}
