package io.zhihang.application.service.keys;

import io.zhihang.domain.protocol.json.JsonObject;

/**
 * Keys of users on other servers: there is no federation yet, so every such server is a failure, marked the way
 * Synapse marks a server it cannot reach ({@code {"status": 503, "message": …}}).
 */
final class RemoteKeys {
    static final JsonObject UNREACHABLE = JsonObject.builder()
            .put("status", 503)
            .put("message", "Federation is not supported by this server")
            .build();

    private RemoteKeys() {
    }
}
