package io.zhihang.domain.protocol.json;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link CanonicalJson} beyond the spec examples: ordering by code point and the exact escaping rules. */
class CanonicalJsonTest {

    @Test
    void sorts_keys_by_code_point_not_by_utf16_code_unit() {
        // U+FB01 (one UTF-16 unit) < U+1F600 (the surrogates D83D DE00), yet D83D < FB01 as UTF-16 code units.
        JsonObject obj = JsonObject.builder().put("😀", 2).put("ﬁ", 1).build();

        assertThat("😀".compareTo("ﬁ")).isNegative();
        assertThat(CanonicalJson.encode(obj)).isEqualTo("{\"ﬁ\":1,\"😀\":2}");
    }

    @Test
    void the_code_point_order_is_the_utf8_byte_order() {
        List<String> keys = new ArrayList<>(List.of("😀", "ﬁ", "a", "", "aa", "b", "\u007f", "é", "日", "\uffff",
                "𝄞", "A"));
        keys.sort(CanonicalJson.CODE_POINT_ORDER);

        List<String> byBytes = new ArrayList<>(keys);
        byBytes.sort((x, y) -> Arrays.compareUnsigned(
                x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8)));
        assertThat(keys).containsExactlyElementsOf(byBytes)
                .startsWith("", "A", "a", "aa", "b", "\u007f", "é", "日", "ﬁ", "\uffff");
    }

    @Test
    void sorts_nested_objects_and_keeps_array_order() {
        JsonObject obj = Json.parseObject("{\"z\":[{\"b\":1,\"a\":2},3,1],\"a\":{\"d\":{},\"c\":[]}}");

        assertThat(CanonicalJson.encode(obj)).isEqualTo("{\"a\":{\"c\":[],\"d\":{}},\"z\":[{\"a\":2,\"b\":1},3,1]}");
    }

    @Test
    void uses_the_short_escapes() {
        assertThat(CanonicalJson.encode(JsonString.of("\" \\ \b \t \n \f \r")))
                .isEqualTo("\"\\\" \\\\ \\b \\t \\n \\f \\r\"");
    }

    @Test
    void escapes_the_other_control_characters_as_lower_case_u00xx() {
        StringBuilder expected = new StringBuilder("\"");
        StringBuilder input = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            input.append(c);
            expected.append(switch (c) {
                case '\b' -> "\\b";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\f' -> "\\f";
                case '\r' -> "\\r";
                default -> String.format("\\u%04x", (int) c);
            });
        }
        expected.append('"');

        assertThat(CanonicalJson.encode(JsonString.of(input.toString()))).isEqualTo(expected.toString())
                .contains("\\u001f", "\\u000b", "\\u0000").doesNotContain("\\u001F");
    }

    @Test
    void writes_delete_slash_and_non_ascii_raw() {
        String text = "\u007f / é 日 😀 \u2028 \u2029 \ufeff";

        assertThat(CanonicalJson.encode(JsonString.of(text))).isEqualTo("\"" + text + "\"");
        assertThat(CanonicalJson.encodeUtf8(JsonString.of("é"))).containsExactly('"', 0xc3, 0xa9, '"');
        assertThat(CanonicalJson.encodeUtf8(JsonString.of("😀"))).containsExactly('"', 0xf0, 0x9f, 0x98, 0x80, '"');
    }

    @Test
    void escapes_in_keys_like_in_values() {
        JsonObject obj = JsonObject.builder().put("a\"\n\u0001", true).build();

        assertThat(CanonicalJson.encode(obj)).isEqualTo("{\"a\\\"\\n\\u0001\":true}");
    }

    @Test
    void writes_scalars_plainly() {
        JsonArray array = JsonArray.of(JsonNumber.of(-JsonNumber.MAX_SAFE), JsonNumber.of(0), JsonBool.TRUE,
                JsonBool.FALSE, JsonNull.INSTANCE, JsonString.of(""));

        assertThat(CanonicalJson.encode(array)).isEqualTo("[-9007199254740991,0,true,false,null,\"\"]");
    }

    @Test
    void refuses_to_encode_a_lone_surrogate() {
        assertThatThrownBy(() -> CanonicalJson.encode(JsonString.of("a\uD83D"))).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> CanonicalJson.encode(JsonObject.builder().put("\uDE00", 1).build()))
                .isInstanceOf(JsonException.class);
    }

    @Test
    void encoding_is_stable_under_reparsing() {
        String once = CanonicalJson.encode(Json.parse(
                "{ \"k\\u00e9\" : [\"\\u0007\\t\", {\"b\":null, \"a\": -0}], \"\\ud83d\\ude00\": \"\\/\" }"));

        assertThat(once).isEqualTo("{\"ké\":[\"\\u0007\\t\",{\"a\":0,\"b\":null}],\"😀\":\"/\"}");
        assertThat(CanonicalJson.encode(Json.parse(once))).isEqualTo(once);
    }
}
