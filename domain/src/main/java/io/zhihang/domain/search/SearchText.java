package io.zhihang.domain.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How text is cut into searchable words, the same for what is indexed and for what is searched: NFKC-normalised and
 * lower-cased, a word is a run of letters, digits and combining marks; everything else separates words. Chinese
 * characters and Japanese kana, written without spaces, are one word each, so that a search finds them inside a
 * sentence (a multi-character search term becomes a phrase of single characters).
 */
public final class SearchText {
    /** Longer words (encoded blobs, not language) are left out: PostgreSQL refuses to index very long lexemes. */
    public static final int MAX_WORD_LENGTH = 256;

    private SearchText() {
    }

    /** The words of {@code text}, in order. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return words;
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < normalized.length()) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (isIdeographic(cp)) {
                add(words, word);
                words.add(new String(Character.toChars(cp)));
            } else if (isWordChar(cp)) {
                word.appendCodePoint(cp);
            } else {
                add(words, word);
            }
        }
        add(words, word);
        return words;
    }

    /** The indexed form of {@code text}: its words joined by single spaces (empty if it has none). */
    public static String indexed(String text) {
        return String.join(" ", words(text));
    }

    /** Characters of scripts written without spaces between words, which count as one word each. */
    public static boolean isIdeographic(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    private static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static void add(List<String> words, StringBuilder word) {
        if (!word.isEmpty() && word.length() <= MAX_WORD_LENGTH) {
            words.add(word.toString());
        }
        word.setLength(0);
    }
}
