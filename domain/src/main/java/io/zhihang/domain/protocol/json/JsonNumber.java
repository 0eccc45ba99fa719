package io.zhihang.domain.protocol.json;

/** An integer in the range canonical JSON allows: ±(2^53−1). */
public record JsonNumber(long value) implements JsonValue {
    public static final long MAX_SAFE = (1L << 53) - 1;

    public JsonNumber {
        if (value > MAX_SAFE || value < -MAX_SAFE) {
            throw new JsonException("Integer out of the range canonical JSON allows: " + value);
        }
    }

    public static JsonNumber of(long value) {
        return new JsonNumber(value);
    }
}
