package io.zhihang.domain.protocol.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Json}: a strict RFC 8259 parser, narrowed to what canonical JSON can hold. */
class JsonParserTest {

    @Test
    void reads_every_kind_of_value() {
        JsonValue value = Json.parse(" {\"o\":{\"k\":[1,-2,\"s\",true,false,null,[],{}]}}\r\n\t");

        assertThat(value).isEqualTo(new JsonObject(Map.of("o", new JsonObject(Map.of("k", new JsonArray(List.of(
                JsonNumber.of(1), JsonNumber.of(-2), JsonString.of("s"), JsonBool.TRUE, JsonBool.FALSE,
                JsonNull.INSTANCE, JsonArray.EMPTY, JsonObject.EMPTY)))))));
    }

    @Test
    void reads_scalars_at_the_top_level() {
        assertThat(Json.parse("42")).isEqualTo(JsonNumber.of(42));
        assertThat(Json.parse("\"x\"")).isEqualTo(JsonString.of("x"));
        assertThat(Json.parse("null")).isEqualTo(JsonNull.INSTANCE);
    }

    @Test
    void keeps_the_order_members_were_written_in() {
        assertThat(Json.parseObject("{\"b\":1,\"a\":2,\"c\":3}").members().keySet()).containsExactly("b", "a", "c");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "1e10", "1E2", "1e+2", "-0.0", "1.0", "0.1", "[1,2.5]", "{\"a\":1e-3}"})
    void refuses_floats_and_exponents(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class)
                .hasMessageContaining("floats are not allowed");
    }

    @Test
    void reads_the_extremes_of_the_integer_range() {
        assertThat(Json.parse("9007199254740991")).isEqualTo(JsonNumber.of(9007199254740991L));
        assertThat(Json.parse("-9007199254740991")).isEqualTo(JsonNumber.of(-9007199254740991L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9007199254740992", "-9007199254740992", "18446744073709551616",
            "99999999999999999999999999999999999999", "[0,9223372036854775808]"})
    void refuses_integers_outside_the_canonical_range(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class).hasMessageContaining("range");
    }

    @Test
    void reads_minus_zero_as_zero() {
        assertThat(Json.parse("-0")).isEqualTo(JsonNumber.of(0));
        assertThat(CanonicalJson.encode(Json.parse("[-0]"))).isEqualTo("[0]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"01", "-01", "-", "+1", ".5", "1.", "1e", "1e+", "0x10", "--1", "- 1", "Infinity", "NaN"})
    void refuses_malformed_numbers(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,\"a\":2}", "{\"a\":1,\"\\u0061\":1}", "{\"x\":{\"a\":null,\"b\":0,\"a\":null}}"})
    void refuses_duplicate_keys_even_when_written_differently(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class).hasMessageContaining("duplicate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} x", "{}{}", "1 2", "[1],", "\"a\"\"b\"", "null\u0000", "{}\u00a0"})
    void refuses_trailing_garbage(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\uFEFF{}", "\u00a0{}", "\f{}", "{,}", "[,]", "[1,]", "{\"a\":1,}", "{\"a\"}",
            "{\"a\" 1}", "{a:1}", "{'a':1}", "[1 2]", "tru", "nul", "True", "NULL", "[", "{", "{\"a\":", "\"abc"})
    void refuses_text_that_is_not_json(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class);
    }

    @Test
    void refuses_null_text() {
        assertThatThrownBy(() -> Json.parse(null)).isInstanceOf(JsonException.class);
    }

    @Test
    void decodes_every_escape() {
        JsonValue value = Json.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u65E5 \\u0000\"");

        assertThat(value).isEqualTo(JsonString.of("\" \\ / \b \f \n \r \t é 日 \u0000"));
    }

    @Test
    void decodes_an_escaped_surrogate_pair_into_one_code_point() {
        String decoded = ((JsonString) Json.parse("\"\\ud83d\\ude00\"")).value();

        assertThat(decoded).isEqualTo("😀");
        assertThat(decoded.codePointCount(0, decoded.length())).isEqualTo(1);
        assertThat(Json.parse("\"\\uD83D\\uDE00\"")).isEqualTo(JsonString.of("😀"));
    }

    @Test
    void reads_raw_non_ascii_including_surrogate_pairs() {
        assertThat(Json.parse("\"日本語 😀\"")).isEqualTo(JsonString.of("日本語 😀"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\\ud83d\"", "\"\\ude00\"", "\"\\ud83d\\u0041\"", "\"\\ud83dx\"", "\"\\ude00\\ud83d\"",
            "\"\\ud83d\\ud83d\"", "\"\\ud83d\\n\""})
    void refuses_escaped_lone_surrogates(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class).hasMessageContaining("surrogate");
    }

    @Test
    void refuses_raw_lone_surrogates() {
        assertThatThrownBy(() -> Json.parse("\"\uD83D\"")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> Json.parse("\"\uDE00\"")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> Json.parse("\"\uD83Dx\"")).isInstanceOf(JsonException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\\x\"", "\"\\u12G4\"", "\"\\u12\"", "\"\\u\"", "\"\\U0041\"", "\"\\'\"", "\"\\\"",
            "\"\\u+123\"", "\"\\u١٢٣٤\""})
    void refuses_invalid_escapes(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"a\nb\"", "\"\t\"", "\"\u0000\"", "\"\u001f\""})
    void refuses_unescaped_control_characters_in_strings(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class).hasMessageContaining("control");
    }

    @Test
    void allows_a_raw_delete_character_in_strings() {
        assertThat(Json.parse("\"\u007f\"")).isEqualTo(JsonString.of("\u007f"));
    }

    @Test
    void reads_nesting_up_to_the_limit() {
        String text = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);

        assertThat(Json.parse(text)).isInstanceOf(JsonArray.class);
    }

    @Test
    void refuses_nesting_beyond_the_limit() {
        String arrays = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
        String objects = "{\"a\":".repeat(Json.MAX_DEPTH + 1) + "1" + "}".repeat(Json.MAX_DEPTH + 1);

        assertThatThrownBy(() -> Json.parse(arrays)).isInstanceOf(JsonException.class).hasMessageContaining("nesting");
        assertThatThrownBy(() -> Json.parse(objects)).isInstanceOf(JsonException.class).hasMessageContaining("nesting");
    }

    @Test
    void a_hostile_depth_is_a_json_error_not_a_stack_overflow() {
        String text = "[".repeat(1_000_000);

        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class);
    }

    @Test
    void every_truncation_of_a_document_is_a_json_error() {
        String text = "{\"a\":[1,-2,{\"b\":\"c\\u00e9\\ud83d\\ude00\"},true,false,null],\"d\":\"e\"}";

        for (int end = 0; end < text.length(); end++) {
            String prefix = text.substring(0, end);
            assertThatThrownBy(() -> Json.parse(prefix)).as(prefix).isInstanceOf(JsonException.class);
        }
        assertThat(Json.parse(text)).isInstanceOf(JsonObject.class);
    }

    @Test
    void parse_object_insists_on_an_object() {
        assertThat(Json.parseObject(" {} ")).isEqualTo(JsonObject.EMPTY);
        assertThatThrownBy(() -> Json.parseObject("[]")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> Json.parseObject("\"{}\"")).isInstanceOf(JsonException.class);
    }

    @Test
    void the_lenient_reading_accepts_exponents_and_fractions_that_are_exact_integers() {
        assertThat(Json.parseAllowingIntegralExponents("1e10")).isEqualTo(JsonNumber.of(10_000_000_000L));
        assertThat(Json.parseAllowingIntegralExponents("2.50e1")).isEqualTo(JsonNumber.of(25));
        assertThat(Json.parseAllowingIntegralExponents("100e-2")).isEqualTo(JsonNumber.of(1));
        assertThat(Json.parseAllowingIntegralExponents("-1.0")).isEqualTo(JsonNumber.of(-1));
        assertThat(Json.parseAllowingIntegralExponents("-0.0e5")).isEqualTo(JsonNumber.of(0));
        assertThat(Json.parseAllowingIntegralExponents("0.1e1")).isEqualTo(JsonNumber.of(1));
        assertThat(Json.parseAllowingIntegralExponents("9.007199254740991E15")).isEqualTo(JsonNumber.of(JsonNumber.MAX_SAFE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "1e-2", "0.15e1", "-2.5"})
    void the_lenient_reading_still_refuses_real_fractions(String text) {
        assertThatThrownBy(() -> Json.parseAllowingIntegralExponents(text)).isInstanceOf(JsonException.class)
                .hasMessageContaining("floats are not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e16", "-9.007199254740992e15", "1e999999999", "1e2147483648", "1e-2147483649"})
    void the_lenient_reading_still_refuses_values_outside_the_range(String text) {
        assertThatThrownBy(() -> Json.parseAllowingIntegralExponents(text)).isInstanceOf(JsonException.class);
    }
}
