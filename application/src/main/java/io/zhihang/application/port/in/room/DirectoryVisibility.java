package io.zhihang.application.port.in.room;

import io.zhihang.domain.shared.DomainException;

import java.util.Locale;

/** Whether a room is listed in this server's public room directory. */
public enum DirectoryVisibility {
    PUBLIC, PRIVATE;

    /** The spec's value; absent means {@code public}. */
    public static DirectoryVisibility parse(String value) {
        if (value == null) {
            return PUBLIC;
        }
        return switch (value) {
            case "public" -> PUBLIC;
            case "private" -> PRIVATE;
            default -> throw DomainException.invalidParam("visibility must be 'public' or 'private'");
        };
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
