package io.zhihang.domain.media.preview;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Synapse's {@code summarize_paragraphs}: a page's description from its text, whole paragraphs until about
 * {@link #MIN_SIZE} characters, cut at a word boundary (with an ellipsis) past {@link #MAX_SIZE}.
 */
public final class PreviewText {
    public static final int MIN_SIZE = 200;
    public static final int MAX_SIZE = 500;
    private static final Pattern WORD = Pattern.compile("\\s*\\S+");

    private PreviewText() {
    }

    public static Optional<String> summarize(Iterable<String> paragraphs) {
        StringBuilder collected = new StringBuilder();
        for (String paragraph : paragraphs) {
            if (collected.length() >= MIN_SIZE) {
                break;
            }
            collected.append(paragraph.replaceAll("[\t \r\n]+", " ")).append("\n\n");
        }
        String description = collected.toString().strip()
                .replaceAll("[\t ]+", " ")
                .replaceAll("[\t \r\n]*[\r\n]+", "\n\n");
        if (description.length() > MAX_SIZE) {
            StringBuilder cut = new StringBuilder();
            Matcher words = WORD.matcher(description);
            while (words.find()) {
                String word = words.group();
                if (word.length() + cut.length() < MAX_SIZE) {
                    cut.append(word);
                } else {
                    if (cut.length() < MIN_SIZE) {
                        cut.append(word);
                    }
                    break;
                }
            }
            String shortened = cut.length() > MAX_SIZE ? cut.substring(0, MAX_SIZE) : cut.toString();
            description = shortened.strip() + "…";
        }
        return description.isEmpty() ? Optional.empty() : Optional.of(description);
    }
}
