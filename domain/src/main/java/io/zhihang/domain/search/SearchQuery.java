package io.zhihang.domain.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A search term as the user typed it, parsed the way web search engines (and Synapse's {@code _tokenize_query})
 * read one: words are all required, {@code "double quotes"} make an exact phrase, a leading {@code -} excludes a word
 * or phrase, and {@code or} separates alternatives ({@code and} is implied). Unquoted words match as prefixes of the
 * indexed words ({@code app} finds {@code apple}); a word the text splits in several ({@code e-mail}, or
 * {@code 测试} in two characters) becomes a phrase. Synapse's few stop words are dropped.
 *
 * <p>The query is a disjunction of groups; a group matches a text when all its positive terms occur in it and none of
 * its negated terms does. Groups without a positive term are dropped, so a query can be empty (it then matches
 * nothing). Matching here works on {@link SearchText#indexed indexed text}; the stores translate the same structure to
 * their own query languages.
 */
public record SearchQuery(List<List<Term>> groups) {
    /** At most this many terms are kept: a pasted paragraph should not become an expensive query. */
    public static final int MAX_TERMS = 16;

    private static final Set<String> STOP_WORDS = Set.of("the", "a", "you", "me", "and", "but");

    public SearchQuery {
        groups = groups.stream().map(List::copyOf).toList();
    }

    /**
     * One searched word or phrase: consecutive indexed words, each starting with the term's word (or equal to it when
     * {@code exact}).
     */
    public record Term(List<String> words, boolean exact, boolean negated) {
        public Term {
            words = List.copyOf(words);
            if (words.isEmpty()) {
                throw new IllegalArgumentException("A term needs a word");
            }
        }

        /** Where in {@code text} (indexed words) the term starts, in order. */
        List<Integer> positions(String[] text) {
            List<Integer> found = new ArrayList<>();
            for (int i = 0; i + words.size() <= text.length; i++) {
                if (matchesAt(text, i)) {
                    found.add(i);
                }
            }
            return found;
        }

        private boolean matchesAt(String[] text, int start) {
            for (int j = 0; j < words.size(); j++) {
                String word = text[start + j];
                if (exact ? !word.equals(words.get(j)) : !word.startsWith(words.get(j))) {
                    return false;
                }
            }
            return true;
        }

        /** The term as it reads: words joined by spaces, but characters of unspaced scripts joined directly. */
        String display() {
            return join(words);
        }
    }

    public static SearchQuery parse(String searchTerm) {
        Parser parser = new Parser();
        String[] parts = (searchTerm == null ? "" : searchTerm).split("\"", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 1) {
                parser.phrase(parts[i]);
            } else {
                for (String token : parts[i].strip().split("\\s+")) {
                    parser.token(token);
                }
            }
        }
        return parser.build();
    }

    /** Whether nothing can match: no group has a positive term. */
    public boolean isEmpty() {
        return groups.isEmpty();
    }

    public boolean matches(String indexedText) {
        String[] text = split(indexedText);
        return groups.stream().anyMatch(group -> group.stream()
                .allMatch(term -> term.negated() == term.positions(text).isEmpty()));
    }

    /** How often the positive terms occur in the text: the rank of stores without a text-search engine. */
    public int occurrences(String indexedText) {
        String[] text = split(indexedText);
        return positiveTerms().stream().mapToInt(term -> term.positions(text).size()).sum();
    }

    /** The positive terms as typed (lower-cased), for clients to highlight. */
    public Set<String> highlights() {
        Set<String> words = new LinkedHashSet<>();
        positiveTerms().forEach(term -> words.add(term.display()));
        return words;
    }

    /** The words of the text that positive terms matched, as they are indexed ({@code apple} for {@code app}). */
    public Set<String> matchedWords(String indexedText) {
        String[] text = split(indexedText);
        Set<String> matched = new LinkedHashSet<>();
        for (Term term : positiveTerms()) {
            for (int start : term.positions(text)) {
                matched.add(join(List.of(text).subList(start, start + term.words().size())));
            }
        }
        return matched;
    }

    public List<Term> positiveTerms() {
        return groups.stream().flatMap(List::stream).filter(t -> !t.negated()).distinct().toList();
    }

    private static String[] split(String indexedText) {
        return indexedText == null || indexedText.isEmpty() ? new String[0] : indexedText.split(" ");
    }

    private static String join(List<String> words) {
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            if (!out.isEmpty() && !(isIdeographic(word) && isIdeographic(out.substring(out.length() - 1)))) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString();
    }

    private static boolean isIdeographic(String word) {
        return word.codePointCount(0, word.length()) == 1 && SearchText.isIdeographic(word.codePointAt(0));
    }

    private static final class Parser {
        private final List<List<Term>> groups = new ArrayList<>();
        private List<Term> group = new ArrayList<>();
        private boolean negateNext;
        private int terms;

        void phrase(String text) {
            List<String> words = SearchText.words(text);
            if (!words.isEmpty()) {
                add(new Term(words, true, negateNext));
            }
            negateNext = false;
        }

        void token(String token) {
            if (token.isEmpty()) {
                return;
            }
            String lower = token.toLowerCase(Locale.ROOT);
            if (lower.equals("or")) {
                closeGroup();
                negateNext = false;
                return;
            }
            if (lower.equals("and")) {
                return;
            }
            boolean negated = negateNext;
            negateNext = false;
            String rest = token;
            while (rest.startsWith("-")) {
                negated = true;
                rest = rest.substring(1);
            }
            if (rest.isEmpty()) {
                negateNext = negated;
                return;
            }
            List<String> words = SearchText.words(rest);
            if (words.isEmpty() || (words.size() == 1 && STOP_WORDS.contains(words.getFirst()))) {
                return;
            }
            add(new Term(words, false, negated));
        }

        private void add(Term term) {
            if (terms < MAX_TERMS) {
                group.add(term);
                terms++;
            }
        }

        private void closeGroup() {
            if (group.stream().anyMatch(t -> !t.negated())) {
                groups.add(group);
            }
            group = new ArrayList<>();
        }

        SearchQuery build() {
            closeGroup();
            return new SearchQuery(groups);
        }
    }
}
