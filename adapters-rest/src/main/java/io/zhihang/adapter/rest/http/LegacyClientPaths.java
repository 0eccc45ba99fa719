package io.zhihang.adapter.rest.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;

/**
 * The legacy {@code r0} client paths are the {@code v3} ones: before matching, {@code /_matrix/client/r0/…} becomes
 * {@code /_matrix/client/v3/…} (query kept), so resources declare a literal {@code v3}. A {@code {version:v3|r0}}
 * template is matched by regular expression, and trying them one after another cost about a tenth of the CPU of a
 * message send. Only the seed's {@code r0/account/profile} has no {@code v3} form and is left alone.
 */
@Provider
@PreMatching
public class LegacyClientPaths implements ContainerRequestFilter {
    private static final String LEGACY = "/_matrix/client/r0/";
    private static final String LEGACY_ONLY = "/_matrix/client/r0/account/profile/";
    private static final String CURRENT = "/_matrix/client/v3/";

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        if (path == null || !path.startsWith(LEGACY) || path.startsWith(LEGACY_ONLY)) {
            return;
        }
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        // raw (still percent-encoded) parts, so ids like %21room%3Aserver pass through untouched
        request.setRequestUri(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + CURRENT
                + path.substring(LEGACY.length()) + query));
    }
}
