package io.zhihang.server.media.preview;

import io.zhihang.application.port.out.media.OpenGraphReader;
import io.zhihang.domain.media.preview.OpenGraphTags;
import io.zhihang.domain.media.preview.PreviewText;
import jakarta.enterprise.context.ApplicationScoped;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Synapse's {@code parse_html_to_open_graph} over jsoup, which parses any HTML (as browsers do) and never throws on
 * bad markup. The charset is the {@code Content-Type}'s, else the page's {@code <meta charset>}, else UTF-8.
 */
@ApplicationScoped
public class JsoupOpenGraphReader implements OpenGraphReader {
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([\\w.:-]+)");
    /** Elements whose text is not part of what a reader sees (Synapse's {@code TAGS_TO_REMOVE}). */
    private static final Set<String> UNSEEN = Set.of("header", "nav", "aside", "footer", "script", "noscript",
            "style", "svg", "iframe", "video", "canvas", "img", "picture");
    private static final Set<String> UNSEEN_ROLES = Set.of("directory", "menu", "menubar", "toolbar");
    /** Synapse's bound on the working memory of the text walk. */
    private static final int STACK_LIMIT = 1024;

    @Override
    public Map<String, String> read(byte[] html, String contentType) {
        Document page;
        try {
            page = Jsoup.parse(new ByteArrayInputStream(html), charset(contentType), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> og = new LinkedHashMap<>(metaTags(page, "property", "og", Optional::of));
        og.putAll(metaTags(page, "property", "article", Optional::of));
        og.putAll(metaTags(page, "property", "profile", Optional::of));
        metaTags(page, "name", "twitter", JsoupOpenGraphReader::twitterToOpenGraph).forEach(og::putIfAbsent);

        if (!og.containsKey("og:title")) {
            title(page).ifPresent(title -> og.put("og:title", title));
        }
        if (!og.containsKey("og:image")) {
            image(page).ifPresent(image -> og.put("og:image", image));
        }
        if (!og.containsKey("og:description")) {
            Optional<String> meta = page.select("meta[name][content]").stream()
                    .filter(m -> m.attr("name").equalsIgnoreCase("description") && !m.attr("content").isEmpty())
                    .map(m -> m.attr("content")).findFirst();
            meta.or(() -> PreviewText.summarize(bodyText(page)))
                    .ifPresent(description -> og.put("og:description", description));
        } else {
            PreviewText.summarize(List.of(og.get("og:description")))
                    .ifPresentOrElse(d -> og.put("og:description", d), () -> og.remove("og:description"));
        }
        return og;
    }

    /** {@code <meta>} tags whose {@code attribute} starts with {@code prefix:}; none at all past 50 of them. */
    private static Map<String, String> metaTags(Document page, String attribute, String prefix,
                                                Function<String, Optional<String>> mapper) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Element meta : page.select("meta[" + attribute + "][content]")) {
            String key = meta.attr(attribute);
            String content = meta.attr("content");
            if (!key.startsWith(prefix + ":") || content.isEmpty()) {
                continue;
            }
            if (found.size() >= OpenGraphTags.MAX_PER_PREFIX) {
                return Map.of();
            }
            mapper.apply(key).ifPresent(mapped -> found.put(mapped, content));
        }
        return found;
    }

    private static Optional<String> twitterToOpenGraph(String key) {
        return switch (key) {
            case "twitter:card", "twitter:creator" -> Optional.empty();
            case "twitter:site" -> Optional.of("og:site_name");
            default -> Optional.of("og" + key.substring("twitter".length()));
        };
    }

    /** The first text of the page's title or first heading, whichever comes first. */
    private static Optional<String> title(Document page) {
        List<Element> candidates = new ArrayList<>();
        for (String tag : List.of("title", "h1", "h2", "h3")) {
            Optional.ofNullable(page.selectFirst(tag)).ifPresent(candidates::add);
        }
        return page.getAllElements().stream().filter(candidates::contains)
                .flatMap(e -> e.textNodes().stream()).map(TextNode::getWholeText)
                .findFirst().map(String::strip);
    }

    /** An {@code itemprop=image} meta tag, else the largest image over 10×10, else the first, else the favicon. */
    private static Optional<String> image(Document page) {
        Optional<String> itemprop = page.select("meta[itemprop][content]").stream()
                .filter(m -> m.attr("itemprop").equalsIgnoreCase("image") && !m.attr("content").isEmpty())
                .map(m -> m.attr("content")).findFirst();
        if (itemprop.isPresent()) {
            return itemprop;
        }
        Optional<String> largest = page.select("img[src][width][height]").stream()
                .filter(img -> number(img.attr("width")) > 10 && number(img.attr("height")) > 10)
                .max(Comparator.comparingDouble(img -> number(img.attr("width")) * number(img.attr("height"))))
                .map(img -> img.attr("src"));
        if (largest.isPresent()) {
            return largest;
        }
        Element first = page.selectFirst("img[src]");
        if (first != null) {
            return Optional.of(first.attr("src"));
        }
        return page.select("link[href][rel]").stream()
                .filter(link -> link.attr("rel").contains("icon"))
                .map(link -> link.attr("href")).findFirst();
    }

    private static double number(String text) {
        try {
            double value = Double.parseDouble(text.strip());
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The body's text nodes in reading order, outside elements not meant for display; whitespace runs as breaks. */
    private static List<String> bodyText(Document page) {
        List<String> texts = new ArrayList<>();
        Deque<Node> stack = new ArrayDeque<>();
        if (page.body() != null) {
            stack.push(page.body());
        }
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            if (node instanceof TextNode text) {
                String paragraph = text.getWholeText().replaceAll("\\s+", "\n").strip();
                if (!paragraph.isEmpty()) {
                    texts.add(paragraph);
                }
            } else if (node instanceof Element element && !UNSEEN.contains(element.normalName())
                    && !UNSEEN_ROLES.contains(element.attr("role"))) {
                List<Node> children = element.childNodes();
                for (int i = children.size() - 1; i >= 0 && stack.size() <= STACK_LIMIT; i--) {
                    stack.push(children.get(i));
                }
            }
        }
        return texts;
    }

    /** The {@code Content-Type}'s charset if Java knows it; else null, and jsoup looks at the page itself. */
    private static String charset(String contentType) {
        Matcher m = CHARSET.matcher(contentType == null ? "" : contentType);
        if (m.find()) {
            try {
                return Charset.forName(m.group(1).toLowerCase(Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
