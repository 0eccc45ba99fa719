package io.zhihang.domain.protocol.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Client data that is never signed (account data): floats and large integers are kept as {@link JsonDecimal}, which
 * canonical JSON still refuses.
 */
class ClientDataJsonTest {

    @Test
    void floats_and_large_integers_are_kept_as_written() {
        JsonObject tag = Json.parseClientData(
                "{\"order\":0.5,\"big\":12345678901234567890,\"e\":1e3,\"n\":-1.50,\"i\":7,\"max\":1.7e308}");

        assertThat(tag.get("order")).contains(new JsonDecimal(new BigDecimal("0.5")));
        assertThat(tag.get("big")).contains(new JsonDecimal(new BigDecimal("12345678901234567890")));
        assertThat(tag.get("i")).contains(JsonNumber.of(7));
        assertThat(CanonicalJson.encodeClientData(tag)).isEqualTo(
                "{\"big\":12345678901234567890,\"e\":1E+3,\"i\":7,\"max\":1.7E+308,\"n\":-1.50,\"order\":0.5}");
    }

    @Test
    void what_is_stored_reads_back_the_same() {
        JsonObject data = Json.parseClientData("{\"tags\":{\"u.work\":{\"order\":0.25}},\"list\":[1,2.5,\"x\"]}");

        assertThat(Json.parseClientData(CanonicalJson.encodeClientData(data))).isEqualTo(data);
    }

    @Test
    void canonical_json_refuses_a_float() {
        JsonObject data = Json.parseClientData("{\"order\":0.5}");

        assertThatThrownBy(() -> CanonicalJson.encode(data)).isInstanceOf(JsonException.class)
                .hasMessageContaining("float");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "1.5", "{\"a\":1,\"a\":2}", "{\"a\":1e2147483649}", "{\"a\":1e309}",
            "{\"a\":NaN}", "{\"a\":.5}"})
    void still_refuses_what_is_not_a_json_object_or_not_json(String text) {
        assertThatThrownBy(() -> Json.parseClientData(text)).isInstanceOf(JsonException.class);
    }

    @Test
    void the_strict_parsers_are_unchanged() {
        assertThatThrownBy(() -> Json.parseObject("{\"order\":0.5}")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> Json.parseObject("{\"n\":12345678901234567890}")).isInstanceOf(JsonException.class);
    }
}
