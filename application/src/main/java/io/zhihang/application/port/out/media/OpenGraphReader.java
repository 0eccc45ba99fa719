package io.zhihang.application.port.out.media;

import java.util.Map;

/**
 * Reads an HTML page's Open Graph tags as Synapse's {@code parse_html_to_open_graph} does: {@code og:}, {@code
 * article:} and {@code profile:} meta tags, Twitter card tags where no Open Graph one says the same, and in their
 * absence the page's title (or first heading), description (or summarized text) and most prominent image. Values are
 * as written in the page: {@code og:image} may be relative. Bad HTML never throws; it yields fewer tags.
 */
public interface OpenGraphReader {
    Map<String, String> read(byte[] html, String contentType);
}
