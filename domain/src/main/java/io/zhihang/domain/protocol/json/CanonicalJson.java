package io.zhihang.domain.protocol.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Canonical JSON (matrix-spec, appendices "Canonical JSON"): no insignificant whitespace, object keys sorted by
 * Unicode code point, non-ASCII characters as raw UTF-8, and only the escapes {@code \b \t \n \f \r \" \\} plus
 * lower-case <code>&#92;u00xx</code> for the other control characters U+0000–U+001F. Integers are always in range, because
 * {@link JsonNumber} cannot hold anything else; a {@link JsonDecimal} (a float) is refused, except by
 * {@link #encodeClientData}, which is for stored client data and never for hashing or signing.
 */
public final class CanonicalJson {
    /**
     * Orders strings by Unicode code point, which is also UTF-8 byte order. {@link String#compareTo} compares UTF-16
     * code units and sorts supplementary-plane characters (surrogate pairs) before U+E000–U+FFFF, which is wrong here.
     */
    public static final Comparator<String> CODE_POINT_ORDER = CanonicalJson::compareCodePoints;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    public static String encode(JsonValue value) {
        StringBuilder out = new StringBuilder();
        write(value, out, false);
        return out.toString();
    }

    /**
     * The canonical layout, except that floats ({@link JsonDecimal}) are written as they were given. This is not
     * canonical JSON: it serves client data that is stored and served back but never hashed or signed (account data).
     */
    public static String encodeClientData(JsonValue value) {
        StringBuilder out = new StringBuilder();
        write(value, out, true);
        return out.toString();
    }

    public static byte[] encodeUtf8(JsonValue value) {
        return encode(value).getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonValue value, StringBuilder out, boolean floats) {
        switch (value) {
            case JsonObject o -> writeObject(o, out, floats);
            case JsonArray a -> {
                out.append('[');
                boolean first = true;
                for (JsonValue item : a.items()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    write(item, out, floats);
                }
                out.append(']');
            }
            case JsonString s -> writeString(s.value(), out);
            case JsonNumber n -> out.append(n.value());
            case JsonDecimal d -> {
                if (!floats) {
                    throw new JsonException("Canonical JSON cannot hold the float " + d.text());
                }
                out.append(d.text());
            }
            case JsonBool b -> out.append(b.value());
            case JsonNull ignored -> out.append("null");
        }
    }

    private static void writeObject(JsonObject object, StringBuilder out, boolean floats) {
        List<Map.Entry<String, JsonValue>> entries = new ArrayList<>(object.members().entrySet());
        entries.sort(Map.Entry.comparingByKey(CODE_POINT_ORDER));
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonValue> entry : entries) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(entry.getKey(), out);
            out.append(':');
            write(entry.getValue(), out, floats);
        }
        out.append('}');
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new JsonException("A string holds a lone surrogate, which UTF-8 cannot encode");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
