package io.zhihang.domain.protocol.json;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A number canonical JSON cannot hold: one written with a fraction or an exponent ({@code 0.5}, {@code 1e3}), or an
 * integer beyond ±(2^53−1). Only client data that is never hashed or signed holds these (account data, such as a
 * room tag's {@code order}); {@link Json#parseClientData} makes them, and {@link CanonicalJson#encode} refuses them.
 * The value is kept as written ({@code 1.50} stays {@code 1.50}).
 */
public record JsonDecimal(BigDecimal value) implements JsonValue {
    public JsonDecimal {
        Objects.requireNonNull(value, "value");
    }

    public static JsonDecimal of(String literal) {
        return new JsonDecimal(new BigDecimal(literal));
    }

    /** The number as JSON text ({@code 0.5}, {@code 1E+3}). */
    public String text() {
        return value.toString();
    }
}
