package io.zhihang.domain.protocol.json;

/**
 * A JSON value as the Matrix protocol knows it: objects, arrays, strings, integers within ±(2^53−1), booleans and
 * null. Floats cannot be represented, because canonical JSON forbids them. Values are immutable.
 */
public sealed interface JsonValue permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBool, JsonNull {
}
