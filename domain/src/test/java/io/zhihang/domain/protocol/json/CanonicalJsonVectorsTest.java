package io.zhihang.domain.protocol.json;

import io.zhihang.domain.protocol.SpecVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ten canonical-JSON examples of matrix-spec v1.19 (appendices), from {@code vectors/canonical-json.json}. */
class CanonicalJsonVectorsTest {
    private static final JsonArray CASES = SpecVectors.load("canonical-json.json").array("cases").orElseThrow();

    static Stream<JsonObject> cases() {
        return CASES.items().stream().map(JsonObject.class::cast);
    }

    static Stream<JsonObject> casesWithoutExponents() {
        return cases().filter(c -> !SpecVectors.text(c, "input_json_text").contains("1e10"));
    }

    @Test
    void the_file_holds_all_ten_spec_examples() {
        assertThat(CASES.size()).isEqualTo(10);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void encodes_every_spec_example_byte_for_byte(JsonObject vector) {
        JsonValue input = Json.parseAllowingIntegralExponents(SpecVectors.text(vector, "input_json_text"));

        assertThat(CanonicalJson.encodeUtf8(input))
                .isEqualTo(SpecVectors.text(vector, "expected").getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("casesWithoutExponents")
    void the_strict_parser_reads_the_nine_examples_without_exponents_to_the_same_bytes(JsonObject vector) {
        JsonValue input = Json.parse(SpecVectors.text(vector, "input_json_text"));

        assertThat(CanonicalJson.encode(input)).isEqualTo(SpecVectors.text(vector, "expected"));
    }

    @Test
    void the_strict_parser_refuses_the_exponent_of_the_tenth_example() {
        String text = SpecVectors.text((JsonObject) CASES.get(9), "input_json_text");

        assertThat(text).contains("1e10");

        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class)
                .hasMessageContaining("floats are not allowed");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void canonical_output_is_a_fixed_point(JsonObject vector) {
        String expected = SpecVectors.text(vector, "expected");

        assertThat(CanonicalJson.encode(Json.parse(expected))).isEqualTo(expected);
    }
}
