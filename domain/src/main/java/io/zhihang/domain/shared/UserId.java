package io.zhihang.domain.shared;

/**
 * A Matrix user id {@code @localpart:server}. Parsing accepts historical localparts (any printable ASCII but ':');
 * new accounts must pass {@link io.zhihang.domain.account.UsernamePolicy}.
 */
public record UserId(String localpart, ServerName server) {
    public static final int MAX_LENGTH = 255;

    public UserId {
        if (localpart == null || localpart.isEmpty()) {
            throw DomainException.invalidParam("User id has an empty localpart");
        }
        for (int i = 0; i < localpart.length(); i++) {
            char c = localpart.charAt(i);
            if (c < 0x21 || c > 0x7e || c == ':') {
                throw DomainException.invalidParam("User id has an invalid localpart");
            }
        }
        if (localpart.length() + server.value().length() + 2 > MAX_LENGTH) {
            throw DomainException.invalidParam("User id is longer than " + MAX_LENGTH + " characters");
        }
    }

    public static UserId parse(String raw) {
        if (raw == null || raw.length() < 4 || raw.charAt(0) != '@') {
            throw DomainException.invalidParam("Invalid user id: " + raw);
        }
        int colon = raw.indexOf(':');
        if (colon < 2) {
            throw DomainException.invalidParam("Invalid user id: " + raw);
        }
        return new UserId(raw.substring(1, colon), new ServerName(raw.substring(colon + 1)));
    }

    public boolean isLocalTo(ServerName local) {
        return server.equals(local);
    }

    @Override
    public String toString() {
        return "@" + localpart + ":" + server.value();
    }
}
