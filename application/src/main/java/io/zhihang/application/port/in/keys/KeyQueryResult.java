package io.zhihang.application.port.in.keys;

import io.zhihang.domain.protocol.json.JsonObject;

import java.util.Map;

/**
 * The answer to {@code /keys/query}: every local user asked for appears in {@code deviceKeys} (with no devices if
 * they have none, or do not exist); cross-signing keys by user id; {@code failures} by server name.
 */
public record KeyQueryResult(Map<String, Map<String, JsonObject>> deviceKeys, Map<String, JsonObject> failures,
                             Map<String, JsonObject> masterKeys, Map<String, JsonObject> selfSigningKeys,
                             Map<String, JsonObject> userSigningKeys) {
}
