package io.zhihang.domain.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A search of user names (the user directory): every term must start a word of the user id's localpart or of the
 * display name, case-insensitively. A term in Chinese or Japanese characters, which are not separated into words,
 * may occur anywhere in the name instead.
 *
 * @param terms the search words ({@link SearchText#words}), with runs of ideographic characters kept together
 */
public record NameSearch(List<String> terms) {
    /** At most this many terms are used, as Synapse does. */
    public static final int MAX_TERMS = 10;

    public NameSearch {
        terms = List.copyOf(terms);
    }

    public static NameSearch parse(String searchTerm) {
        List<String> terms = new ArrayList<>();
        StringBuilder ideographs = new StringBuilder();
        for (String word : SearchText.words(searchTerm)) {
            if (isIdeographic(word)) {
                ideographs.append(word);
                continue;
            }
            flush(terms, ideographs);
            terms.add(word);
        }
        flush(terms, ideographs);
        return new NameSearch(terms.size() > MAX_TERMS ? terms.subList(0, MAX_TERMS) : terms);
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** Whether a term is matched anywhere in a name rather than at the start of a word. */
    public static boolean isIdeographic(String term) {
        return !term.isEmpty() && SearchText.isIdeographic(term.codePointAt(0));
    }

    public boolean matches(String localpart, String displayName) {
        List<String> words = new ArrayList<>(SearchText.words(localpart));
        words.addAll(SearchText.words(displayName));
        String name = displayName == null ? "" : displayName.toLowerCase(Locale.ROOT);
        return terms.stream().allMatch(term -> isIdeographic(term) ? name.contains(term)
                : words.stream().anyMatch(word -> word.startsWith(term)));
    }

    private static void flush(List<String> terms, StringBuilder ideographs) {
        if (!ideographs.isEmpty()) {
            terms.add(ideographs.toString());
            ideographs.setLength(0);
        }
    }
}
