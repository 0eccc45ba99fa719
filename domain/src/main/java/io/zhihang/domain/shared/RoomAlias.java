package io.zhihang.domain.shared;

/**
 * A room alias {@code #alias:server}. The alias part may hold any Unicode code points except {@code :}; we also
 * refuse NUL, which no database text column stores. The whole alias is at most 255 bytes.
 */
public record RoomAlias(String alias, ServerName server) {

    public RoomAlias {
        if (alias == null || !Identifiers.isOpaqueLocalpart(alias)) {
            throw DomainException.invalidParam("Invalid room alias: " + alias);
        }
        if (server == null) {
            throw DomainException.invalidParam("Room alias has no server");
        }
        if (Identifiers.utf8Length(alias) + server.value().length() + 2 > Identifiers.MAX_BYTES) {
            throw DomainException.invalidParam("Room alias is longer than " + Identifiers.MAX_BYTES + " bytes");
        }
    }

    public static RoomAlias parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '#') {
            throw DomainException.invalidParam("Invalid room alias: " + raw);
        }
        int colon = raw.indexOf(':');
        if (colon < 0) {
            throw DomainException.invalidParam("Invalid room alias: " + raw);
        }
        return new RoomAlias(raw.substring(1, colon), Identifiers.server(raw, raw.substring(colon + 1), "room alias"));
    }

    /**
     * An alias a user of this server may create: well-formed, on this server, and without whitespace in the alias part
     * (the grammar allows it, but Synapse refuses it on creation, and so do we).
     */
    public static RoomAlias parseNew(String raw, ServerName local) {
        RoomAlias alias = parse(raw);
        if (!alias.isLocalTo(local)) {
            throw DomainException.invalidParam("Room alias must be on this server (" + local.value() + ")");
        }
        if (alias.alias().codePoints().anyMatch(Character::isWhitespace)) {
            throw DomainException.invalidParam("Invalid characters in room alias");
        }
        return alias;
    }

    public boolean isLocalTo(ServerName local) {
        return server.equals(local);
    }

    @Override
    public String toString() {
        return "#" + alias + ":" + server.value();
    }
}
