package io.zhihang.domain.protocol;

import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON-signing examples of matrix-spec v1.19 (appendices), from {@code vectors/json-signing.json}. */
class JsonSigningVectorsTest {
    private static final JsonObject FILE = SpecVectors.load("json-signing.json");
    private static final String SERVER = SpecVectors.text(FILE, "server_name");
    private static final String KEY_ID = SpecVectors.text(FILE, "key_id");
    private static final Ed25519SigningKey KEY = Ed25519SigningKey.fromSeed(KEY_ID.substring("ed25519:".length()),
            UnpaddedBase64.decode(SpecVectors.text(FILE, "signing_key_seed_unpadded_base64")));
    private static final byte[] PUBLIC_KEY = UnpaddedBase64.decode(SpecVectors.text(FILE, "derived_public_key_unpadded_base64"));

    static Stream<JsonObject> cases() {
        return FILE.array("cases").orElseThrow().items().stream().map(JsonObject.class::cast);
    }

    @Test
    void the_key_is_the_spec_key() {
        assertThat(KEY.keyId()).isEqualTo("ed25519:1");
        assertThat(KEY.publicKeyBase64()).isEqualTo(SpecVectors.text(FILE, "derived_public_key_unpadded_base64"));
        assertThat(cases()).hasSize(2);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void signs_as_the_spec_example(JsonObject vector) {
        JsonObject signed = JsonSigning.sign(SpecVectors.object(vector, "input"), SERVER, KEY);

        assertThat(signed).isEqualTo(SpecVectors.object(vector, "expected_output"));
        assertThat(CanonicalJson.encode(signed)).isEqualTo(CanonicalJson.encode(SpecVectors.object(vector, "expected_output")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void signs_exactly_the_canonical_bytes_of_the_spec_example(JsonObject vector) {
        byte[] expected = SpecVectors.text(vector, "canonical_bytes_signed").getBytes(StandardCharsets.UTF_8);

        assertThat(JsonSigning.signedBytes(SpecVectors.object(vector, "input"))).isEqualTo(expected);
        assertThat(JsonSigning.signedBytes(SpecVectors.object(vector, "expected_output"))).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void verifies_the_spec_example_with_the_raw_public_key(JsonObject vector) {
        JsonObject signed = SpecVectors.object(vector, "expected_output");

        assertThat(JsonSigning.verify(signed, SERVER, KEY_ID, PUBLIC_KEY)).isTrue();
    }

    @Test
    void a_changed_value_no_longer_verifies() {
        JsonObject signed = SpecVectors.object((JsonObject) FILE.array("cases").orElseThrow().get(1), "expected_output");

        assertThat(JsonSigning.verify(signed.with("two", JsonString.of("Three")), SERVER, KEY_ID, PUBLIC_KEY)).isFalse();
        assertThat(JsonSigning.verify(signed.without("one"), SERVER, KEY_ID, PUBLIC_KEY)).isFalse();
    }

    @Test
    void unsigned_is_neither_signed_nor_lost() {
        JsonObject unsigned = JsonObject.builder().put("age", 5).build();
        JsonObject input = JsonObject.builder().put("one", 1).put("two", "Two").put("unsigned", unsigned).build();

        JsonObject signed = JsonSigning.sign(input, SERVER, KEY);

        assertThat(signed.object("unsigned")).contains(unsigned);
        assertThat(signed.without("unsigned"))
                .isEqualTo(SpecVectors.object((JsonObject) FILE.array("cases").orElseThrow().get(1), "expected_output"));
        assertThat(JsonSigning.verify(signed.with("unsigned", JsonObject.EMPTY), SERVER, KEY_ID, PUBLIC_KEY)).isTrue();
    }

    @Test
    void keeps_existing_signatures_of_other_servers_and_keys() {
        JsonObject others = JsonObject.builder()
                .put("other.example", JsonObject.builder().put("ed25519:x", "c2ln").build())
                .put(SERVER, JsonObject.builder().put("ed25519:old", "b2xk").build())
                .build();
        JsonObject input = JsonObject.builder().put("signatures", others).build();

        JsonObject signed = JsonSigning.sign(input, SERVER, KEY);

        JsonObject signatures = signed.object("signatures").orElseThrow();
        assertThat(signatures.object("other.example").orElseThrow().string("ed25519:x")).contains("c2ln");
        assertThat(signatures.object(SERVER).orElseThrow().string("ed25519:old")).contains("b2xk");
        assertThat(signatures.object(SERVER).orElseThrow().string(KEY_ID)).contains(
                "K8280/U9SSy9IVtjBuVeLr+HpOB4BQFWbg+UZaADMtTdGYI7Geitb76LTrr5QV/7Xg4ahLwYGYZzuHGZKM5ZAQ");
        assertThat(JsonSigning.verify(signed, SERVER, KEY_ID, PUBLIC_KEY)).isTrue();
    }

    @Test
    void refuses_to_sign_over_malformed_signatures() {
        assertThatThrownBy(() -> JsonSigning.sign(JsonObject.builder().put("signatures", "x").build(), SERVER, KEY))
                .isInstanceOf(io.zhihang.domain.protocol.json.JsonException.class);
        assertThatThrownBy(() -> JsonSigning.sign(JsonObject.builder()
                .put("signatures", JsonObject.builder().put(SERVER, 1).build()).build(), SERVER, KEY))
                .isInstanceOf(io.zhihang.domain.protocol.json.JsonException.class);
    }

    @Test
    void verification_fails_rather_than_throws_on_any_defect() {
        JsonObject signed = JsonSigning.sign(JsonObject.EMPTY, SERVER, KEY);
        byte[] otherKey = PUBLIC_KEY.clone();
        otherKey[0] ^= 1;

        assertThat(JsonSigning.verify(signed, "other.example", KEY_ID, PUBLIC_KEY)).as("other server").isFalse();
        assertThat(JsonSigning.verify(signed, SERVER, "ed25519:2", PUBLIC_KEY)).as("other key id").isFalse();
        assertThat(JsonSigning.verify(signed, SERVER, KEY_ID, otherKey)).as("other key").isFalse();
        assertThat(JsonSigning.verify(signed, SERVER, KEY_ID, new byte[31])).as("short key").isFalse();
        assertThat(JsonSigning.verify(JsonObject.EMPTY, SERVER, KEY_ID, PUBLIC_KEY)).as("unsigned").isFalse();
        assertThat(JsonSigning.verify(withSignature("!!not base64!!"), SERVER, KEY_ID, PUBLIC_KEY)).as("bad base64").isFalse();
        assertThat(JsonSigning.verify(withSignature("AAAA"), SERVER, KEY_ID, PUBLIC_KEY)).as("short signature").isFalse();
        assertThat(JsonSigning.verify(withSignature(signed.object("signatures").orElseThrow().object(SERVER).orElseThrow()
                .string(KEY_ID).orElseThrow()), SERVER, "rsa:1", PUBLIC_KEY)).as("unknown algorithm").isFalse();
        assertThat(JsonSigning.verify(JsonObject.builder().put("signatures", "x").build(), SERVER, KEY_ID, PUBLIC_KEY))
                .as("malformed signatures").isFalse();
    }

    @Test
    void accepts_a_padded_or_url_safe_signature_encoding() {
        String signature = JsonSigning.sign(JsonObject.EMPTY, SERVER, KEY).object("signatures").orElseThrow()
                .object(SERVER).orElseThrow().string(KEY_ID).orElseThrow();

        assertThat(JsonSigning.verify(withSignature(signature + "=="), SERVER, KEY_ID, PUBLIC_KEY)).isTrue();
        assertThat(JsonSigning.verify(withSignature(signature.replace('+', '-').replace('/', '_')), SERVER, KEY_ID,
                PUBLIC_KEY)).isTrue();
    }

    private static JsonObject withSignature(String signature) {
        return JsonObject.builder().put("signatures", JsonObject.builder()
                .put(SERVER, JsonObject.builder().put(KEY_ID, signature).put("rsa:1", signature).build()).build()).build();
    }
}
