package io.zhihang.domain.friendship;

import io.zhihang.domain.shared.DomainException;

import java.util.Collection;
import java.util.Locale;

/**
 * A user's friend categories: names of 1 to {@value #MAX_NAME_LENGTH} characters without control characters, unique
 * per user regardless of case, at most {@value #MAX_CATEGORIES} of them.
 */
public final class FriendCategories {
    public static final int MAX_NAME_LENGTH = 64;
    public static final int MAX_CATEGORIES = 100;

    private FriendCategories() {
    }

    /** The name as stored: trimmed, and checked. */
    public static String validName(String name) {
        if (name == null || name.isBlank()) {
            throw DomainException.missingParam("A category needs a name");
        }
        String trimmed = name.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_NAME_LENGTH) {
            throw DomainException.invalidParam("A category name is at most " + MAX_NAME_LENGTH + " characters");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw DomainException.invalidParam("A category name cannot hold control characters");
        }
        return trimmed;
    }

    /** Checks that a new category named {@code name} may join {@code existing}; returns the name to store. */
    public static String checkNew(Collection<String> existing, String name) {
        String valid = validName(name);
        if (existing.size() >= MAX_CATEGORIES) {
            throw DomainException.invalidParam("At most " + MAX_CATEGORIES + " categories");
        }
        checkUnique(existing, valid);
        return valid;
    }

    /** Checks a rename of {@code from} to {@code to} among {@code existing}; returns the name to store. */
    public static String checkRename(Collection<String> existing, String from, String to) {
        String valid = validName(to);
        if (existing.stream().noneMatch(from::equals)) {
            throw DomainException.notFound("No such category");
        }
        if (!same(from, valid)) {
            checkUnique(existing, valid);
        }
        return valid;
    }

    /** The form two names are compared in: the same key is the same category, whatever the case. */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static void checkUnique(Collection<String> existing, String name) {
        if (existing.stream().anyMatch(n -> same(n, name))) {
            throw DomainException.invalidParam("A category of that name exists");
        }
    }

    private static boolean same(String a, String b) {
        return key(a).equals(key(b));
    }
}
