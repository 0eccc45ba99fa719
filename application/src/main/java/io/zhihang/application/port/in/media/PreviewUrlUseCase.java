package io.zhihang.application.port.in.media;

import io.zhihang.domain.protocol.json.JsonObject;

/**
 * {@code GET /preview_url}: the Open Graph data of a web page (title, description, and its image copied into the
 * media repository as an {@code mxc://} URI), as Synapse builds it.
 */
public interface PreviewUrlUseCase {
    JsonObject preview(PreviewUrlQuery query);
}
