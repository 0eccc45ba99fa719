package io.zhihang.domain.push;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A glob-style pattern (spec appendix "Glob-style matching": {@code *} matches zero or more characters, {@code ?}
 * exactly one), matched case-insensitively either against a whole value or, for {@code content.body}, against any
 * substring that starts and ends at a word boundary (the start or end of the value, or a character outside
 * {@code [A-Za-z0-9_]}). Compiled patterns are shared, so evaluating a rule does not compile anything.
 */
public final class Glob {
    private static final int MAX_CACHED = 10_000;
    private static final Map<String, Glob> WHOLE = new ConcurrentHashMap<>();
    private static final Map<String, Glob> WORDS = new ConcurrentHashMap<>();

    private final String pattern;
    private final boolean literal;
    private final boolean words;
    private final Pattern regex;

    private Glob(String pattern, boolean words, boolean literalText) {
        this.pattern = pattern;
        this.words = words;
        this.literal = literalText || (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0);
        String body = literalText ? Pattern.quote(pattern) : toRegex(pattern);
        this.regex = words
                ? Pattern.compile("(?:^|\\W|\\b)" + body + "(?:\\b|\\W|$)",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL)
                : Pattern.compile(body, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    /** A glob matched against the whole value. */
    public static Glob whole(String pattern) {
        return cached(WHOLE, pattern, false);
    }

    /** A glob matched against the words of the value ({@code content.body}). */
    public static Glob words(String pattern) {
        return cached(WORDS, pattern, true);
    }

    /** Literal text (no wildcards) found between word boundaries: a display name in a message body. */
    public static Glob literalWords(String text) {
        return new Glob(text, true, true);
    }

    private static Glob cached(Map<String, Glob> cache, String pattern, boolean words) {
        Glob glob = cache.get(pattern);
        if (glob == null) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            glob = new Glob(pattern, words, false);
            cache.put(pattern, glob);
        }
        return glob;
    }

    public String pattern() {
        return pattern;
    }

    public boolean matches(String value) {
        if (literal && !words) {
            return value.equalsIgnoreCase(pattern);
        }
        return words ? regex.matcher(value).find() : regex.matcher(value).matches();
    }

    private static String toRegex(String glob) {
        StringBuilder out = new StringBuilder();
        StringBuilder literalRun = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                if (!literalRun.isEmpty()) {
                    out.append(Pattern.quote(literalRun.toString()));
                    literalRun.setLength(0);
                }
                out.append(c == '*' ? ".*?" : ".");
            } else {
                literalRun.append(c);
            }
        }
        if (!literalRun.isEmpty()) {
            out.append(Pattern.quote(literalRun.toString()));
        }
        return out.toString();
    }
}
