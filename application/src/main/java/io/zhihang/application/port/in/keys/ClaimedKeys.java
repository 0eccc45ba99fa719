package io.zhihang.application.port.in.keys;

import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonValue;

import java.util.Map;

/**
 * The answer to a claim: user id → device id → key id → key (as uploaded); devices without a key are left out.
 * {@code failures} names the servers that could not be asked.
 */
public record ClaimedKeys(Map<String, Map<String, Map<String, JsonValue>>> oneTimeKeys,
                          Map<String, JsonObject> failures) {
}
