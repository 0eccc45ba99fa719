package io.zhihang.domain.backup;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The version of one of a user's key backups. The spec makes it an opaque string; we hand out increasing integers
 * per user, starting at 1 and never reused (Synapse's scheme), so a string that is not one of them names no backup.
 */
public record BackupVersion(long number) {
    public static final BackupVersion FIRST = new BackupVersion(1);
    private static final Pattern CANONICAL = Pattern.compile("[1-9][0-9]{0,17}");

    public BackupVersion {
        if (number < 1) {
            throw new IllegalArgumentException("Backup versions start at 1");
        }
    }

    /**
     * The version a client names, if it is one we could have handed out: a positive decimal integer without sign,
     * leading zeros or spaces. Anything else is no version ({@code 404}, as Synapse treats non-integers).
     */
    public static Optional<BackupVersion> parse(String raw) {
        if (raw == null || !CANONICAL.matcher(raw).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BackupVersion(Long.parseLong(raw)));
    }

    /** The version after this one (the next backup a user creates, deleted ones counted). */
    public BackupVersion next() {
        return new BackupVersion(number + 1);
    }

    /** The version as clients see it: {@code "1"}. */
    @Override
    public String toString() {
        return Long.toString(number);
    }
}
