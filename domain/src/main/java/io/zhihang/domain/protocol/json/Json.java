package io.zhihang.domain.protocol.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 parser into {@link JsonValue}, limited to what canonical JSON can hold: integers within
 * ±(2^53−1), no floats, no duplicate keys, and only well-formed Unicode (a surrogate must be one half of a pair,
 * whether written raw or as {@code \\uXXXX} escapes). Whitespace is space, tab, line feed and carriage return only.
 * Only {@link #parseClientData}, for client data that is never signed, lets floats through (as {@link JsonDecimal}).
 */
public final class Json {
    /** How deeply arrays and objects may nest; deeper input is refused rather than overflowing the stack. */
    public static final int MAX_DEPTH = 128;

    /** How numbers that canonical JSON cannot hold are treated. */
    private enum Numbers { STRICT, INTEGRAL_EXPONENTS, CLIENT_DATA }

    private final String text;
    private final Numbers numbers;
    private int pos;

    private Json(String text, Numbers numbers) {
        this.text = text;
        this.numbers = numbers;
    }

    /**
     * Parses one JSON value. Any fraction or exponent is refused with "floats are not allowed", even when the value is
     * integral ({@code 1e10}, {@code 1.0}): this is the strict reading used for federation (Synapse and ruma refuse them).
     */
    public static JsonValue parse(String text) {
        return new Json(requireText(text), Numbers.STRICT).document();
    }

    /** Like {@link #parse(String)}, but the result must be an object. */
    public static JsonObject parseObject(String text) {
        if (parse(text) instanceof JsonObject o) {
            return o;
        }
        throw new JsonException("JSON text is not an object");
    }

    /**
     * Like {@link #parse(String)}, except that a number written with a fraction or exponent is accepted when its exact
     * value is an integer within ±(2^53−1): {@code 1e10} becomes {@code 10000000000}, {@code 2.50e1} becomes {@code 25}.
     * This is how the spec's canonical-JSON example treats {@code 1e10}; real fractions still fail.
     */
    public static JsonValue parseAllowingIntegralExponents(String text) {
        return new Json(requireText(text), Numbers.INTEGRAL_EXPONENTS).document();
    }

    /**
     * Parses a JSON object of client data that is stored and served back but never hashed or signed (account data):
     * like {@link #parseObject(String)}, except that floats and integers beyond ±(2^53−1) are accepted, as
     * {@link JsonDecimal}s kept as written. Duplicate keys, bad Unicode and deep nesting are still refused.
     */
    public static JsonObject parseClientData(String text) {
        if (new Json(requireText(text), Numbers.CLIENT_DATA).document() instanceof JsonObject o) {
            return o;
        }
        throw new JsonException("JSON text is not an object");
    }

    private static String requireText(String text) {
        if (text == null) {
            throw new JsonException("JSON text is missing");
        }
        return text;
    }

    private JsonValue document() {
        skipWhitespace();
        JsonValue value = value(0);
        skipWhitespace();
        if (pos != text.length()) {
            throw error("unexpected data after the JSON value");
        }
        return value;
    }

    private JsonValue value(int depth) {
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> new JsonString(string());
            case 't' -> literal("true", JsonBool.TRUE);
            case 'f' -> literal("false", JsonBool.FALSE);
            case 'n' -> literal("null", JsonNull.INSTANCE);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected character '" + printable(c) + "'");
            }
        };
    }

    private JsonObject object(int depth) {
        checkDepth(depth);
        pos++; // '{'
        Map<String, JsonValue> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return new JsonObject(members);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a string key");
            }
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            JsonValue member = value(depth);
            if (members.putIfAbsent(key, member) != null) {
                throw error("duplicate key \"" + key + "\"");
            }
            skipWhitespace();
            char c = next();
            if (c == '}') {
                return new JsonObject(members);
            }
            if (c != ',') {
                throw error("expected ',' or '}' in an object");
            }
        }
    }

    private JsonArray array(int depth) {
        checkDepth(depth);
        pos++; // '['
        List<JsonValue> items = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return new JsonArray(items);
        }
        while (true) {
            skipWhitespace();
            items.add(value(depth));
            skipWhitespace();
            char c = next();
            if (c == ']') {
                return new JsonArray(items);
            }
            if (c != ',') {
                throw error("expected ',' or ']' in an array");
            }
        }
    }

    private String string() {
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                escape(out);
            } else if (c < 0x20) {
                throw error("unescaped control character in a string");
            } else if (Character.isHighSurrogate(c)) {
                if (pos >= text.length() || !Character.isLowSurrogate(text.charAt(pos))) {
                    throw error("lone surrogate in a string");
                }
                out.append(c).append(text.charAt(pos++));
            } else if (Character.isLowSurrogate(c)) {
                throw error("lone surrogate in a string");
            } else {
                out.append(c);
            }
        }
    }

    private void escape(StringBuilder out) {
        char c = next();
        switch (c) {
            case '"' -> out.append('"');
            case '\\' -> out.append('\\');
            case '/' -> out.append('/');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
                char unit = hex4();
                if (Character.isHighSurrogate(unit)) {
                    if (!text.startsWith("\\u", pos)) {
                        throw error("lone surrogate escape");
                    }
                    pos += 2;
                    char low = hex4();
                    if (!Character.isLowSurrogate(low)) {
                        throw error("lone surrogate escape");
                    }
                    out.append(unit).append(low);
                } else if (Character.isLowSurrogate(unit)) {
                    throw error("lone surrogate escape");
                } else {
                    out.append(unit);
                }
            }
            default -> throw error("invalid escape '\\" + printable(c) + "'");
        }
    }

    private char hex4() {
        if (pos + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        int unit = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos + i), 16);
            if (digit < 0 || text.charAt(pos + i) > 'f') {
                throw error("invalid \\u escape");
            }
            unit = unit * 16 + digit;
        }
        pos += 4;
        return (char) unit;
    }

    private JsonValue number() {
        int start = pos;
        boolean negative = peek() == '-';
        if (negative) {
            pos++;
        }
        int digitsStart = pos;
        if (peek() == '0') {
            pos++;
        } else if (peek() >= '1' && peek() <= '9') {
            while (peek() >= '0' && peek() <= '9') {
                pos++;
            }
        } else {
            throw error("invalid number");
        }
        int digitsEnd = pos;
        boolean fraction = peek() == '.';
        if (fraction) {
            pos++;
            requireDigits();
        }
        boolean exponent = peek() == 'e' || peek() == 'E';
        if (exponent) {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            requireDigits();
        }
        if (fraction || exponent) {
            return switch (numbers) {
                case STRICT -> throw new JsonException("floats are not allowed (at offset " + start + ")");
                case INTEGRAL_EXPONENTS -> integralValue(text.substring(start, pos), start);
                case CLIENT_DATA -> decimal(text.substring(start, pos), start);
            };
        }
        String digits = text.substring(digitsStart, digitsEnd);
        // 2^53−1 has 16 digits; a longer digit string is out of range without parsing it.
        if (digits.length() > 16 || Long.parseLong(digits) > JsonNumber.MAX_SAFE) {
            if (numbers == Numbers.CLIENT_DATA) {
                return decimal(text.substring(start, pos), start);
            }
            throw outOfRange(start);
        }
        long magnitude = Long.parseLong(digits);
        return new JsonNumber(negative ? -magnitude : magnitude);
    }

    /** A number of client data; one beyond the range of a double (which clients read it as) is refused. */
    private JsonDecimal decimal(String lexeme, int start) {
        try {
            JsonDecimal number = JsonDecimal.of(lexeme);
            // Digits before the decimal point: a double ends below 1.8e308, which has 309.
            if (number.value().precision() - (long) number.value().scale() > 309) {
                throw new NumberFormatException("too large");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new JsonException("number out of range (at offset " + start + ")");
        }
    }

    private JsonNumber integralValue(String lexeme, int start) {
        BigInteger integer;
        try {
            BigDecimal stripped = new BigDecimal(lexeme).stripTrailingZeros();
            if (stripped.signum() == 0) {
                return new JsonNumber(0);
            }
            if (stripped.scale() > 0) {
                throw new JsonException("floats are not allowed (at offset " + start + ")");
            }
            // Digits before the decimal point; checked before materialising 1e999999999.
            if (stripped.precision() - (long) stripped.scale() > 16) {
                throw outOfRange(start);
            }
            integer = stripped.toBigIntegerExact();
        } catch (NumberFormatException | ArithmeticException e) {
            // Exponents beyond what BigDecimal's int scale holds, in either direction.
            throw outOfRange(start);
        }
        if (integer.abs().compareTo(BigInteger.valueOf(JsonNumber.MAX_SAFE)) > 0) {
            throw outOfRange(start);
        }
        return new JsonNumber(integer.longValueExact());
    }

    private JsonException outOfRange(int start) {
        return new JsonException("integer out of the range ±(2^53−1) (at offset " + start + ")");
    }

    private void requireDigits() {
        if (!(peek() >= '0' && peek() <= '9')) {
            throw error("invalid number");
        }
        while (peek() >= '0' && peek() <= '9') {
            pos++;
        }
    }

    private JsonValue literal(String word, JsonValue value) {
        if (!text.startsWith(word, pos)) {
            throw error("invalid literal");
        }
        pos += word.length();
        return value;
    }

    private void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** The current character, or NUL at the end (NUL is never valid there, so callers fail on it). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        return text.charAt(pos++);
    }

    private void expect(char c) {
        if (next() != c) {
            pos--;
            throw error("expected '" + c + "'");
        }
    }

    private JsonException error(String message) {
        return new JsonException("Invalid JSON: " + message + " at offset " + pos);
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }
}
