package io.zhihang.domain.account;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.ServerName;
import io.zhihang.domain.shared.UserId;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which localparts may be registered here: the spec's grammar for new user ids ({@code a-z 0-9 . _ = - / +}),
 * no leading underscore and no all-digit names (as Synapse), and namespaces reserved exclusively for
 * application services ({@code M_EXCLUSIVE}).
 */
public record UsernamePolicy(ServerName server, List<Pattern> exclusiveNamespaces) {
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9._=\\-/+]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    public UsernamePolicy {
        exclusiveNamespaces = List.copyOf(exclusiveNamespaces);
    }

    /** Lower-cases the desired name (as Synapse does) and checks it; returns the user id it would get. */
    public UserId validate(String desired) {
        if (desired == null || desired.isEmpty()) {
            throw new DomainException(ErrorKind.INVALID_USERNAME, "User ID cannot be empty");
        }
        String localpart = desired.toLowerCase(Locale.ROOT);
        if (!ALLOWED.matcher(localpart).matches()) {
            throw new DomainException(ErrorKind.INVALID_USERNAME,
                    "User ID can only contain characters a-z, 0-9, or '=_-./+'");
        }
        if (localpart.startsWith("_")) {
            throw new DomainException(ErrorKind.INVALID_USERNAME, "User ID may not begin with '_'");
        }
        if (DIGITS.matcher(localpart).matches()) {
            throw new DomainException(ErrorKind.INVALID_USERNAME, "Numeric user IDs are reserved for guest users");
        }
        if (localpart.length() + server.value().length() + 2 > UserId.MAX_LENGTH) {
            throw new DomainException(ErrorKind.INVALID_USERNAME, "User ID may not be longer than " + UserId.MAX_LENGTH + " characters");
        }
        UserId userId = new UserId(localpart, server);
        if (isExclusive(localpart)) {
            throw new DomainException(ErrorKind.EXCLUSIVE, "This user ID is reserved by an application service");
        }
        return userId;
    }

    private boolean isExclusive(String localpart) {
        String full = "@" + localpart + ":" + server.value();
        return exclusiveNamespaces.stream().anyMatch(p -> p.matcher(localpart).matches() || p.matcher(full).matches());
    }
}
