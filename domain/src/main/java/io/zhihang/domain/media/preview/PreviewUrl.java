package io.zhihang.domain.media.preview;

import io.zhihang.domain.shared.DomainException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A URL the previewer may fetch: absolute {@code http} or {@code https} with a host, at most {@link #MAX_LENGTH}
 * characters. Whether its host may be connected to is {@link OutboundAddressPolicy}'s question, asked after DNS.
 */
public record PreviewUrl(URI uri) {
    public static final int MAX_LENGTH = 2048;

    public PreviewUrl {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw DomainException.invalidParam("Only http and https URLs can be previewed");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw DomainException.invalidParam("The URL has no host");
        }
    }

    /** The {@code url} query parameter of a preview request. */
    public static PreviewUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw DomainException.missingParam("Missing string query parameter 'url'");
        }
        if (url.length() > MAX_LENGTH) {
            throw DomainException.invalidParam("The URL is longer than " + MAX_LENGTH + " characters");
        }
        try {
            return new PreviewUrl(new URI(url.strip()));
        } catch (URISyntaxException e) {
            throw DomainException.invalidParam("Not a valid URL");
        }
    }

    /**
     * A link found at this URL (a redirect's {@code Location}, an image's {@code src}), resolved against it; empty
     * when it is not a URL the previewer may fetch.
     */
    public Optional<PreviewUrl> resolve(String reference) {
        if (reference == null || reference.isBlank() || reference.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PreviewUrl(uri.resolve(new URI(reference.strip()))));
        } catch (URISyntaxException | IllegalArgumentException | DomainException e) {
            return Optional.empty();
        }
    }

    public boolean https() {
        return uri.getScheme().equalsIgnoreCase("https");
    }

    /** The port connected to: the URL's, or the scheme's default. */
    public int port() {
        return uri.getPort() >= 0 ? uri.getPort() : https() ? 443 : 80;
    }

    /** The host as the URL names it, without the brackets of an IPv6 literal. */
    public String host() {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Whether the host is an address literal rather than a name to look up. */
    public boolean hostIsAddress() {
        return uri.getHost().startsWith("[") || host().matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /** Path and query as sent in the request line ({@code /} for none); the fragment stays with the client. */
    public String requestTarget() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
