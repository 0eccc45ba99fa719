package io.zhihang.domain.protocol.json;

/**
 * A JSON value as the Matrix protocol knows it: objects, arrays, strings, integers within ±(2^53−1), booleans and
 * null. Values are immutable. Floats (and larger integers) exist only as {@link JsonDecimal}, which only the parser
 * for client data makes ({@link Json#parseClientData}): canonical JSON forbids them, so events never hold one.
 */
public sealed interface JsonValue permits JsonObject, JsonArray, JsonString, JsonNumber, JsonDecimal, JsonBool,
        JsonNull {
}
