package io.zhihang.domain.protocol;

import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event hash-and-sign examples of matrix-spec v1.19 (appendices), and the derived intermediates and v11 variant,
 * from {@code vectors/event-signing.json}. The official outputs hold for the v1–v10 redaction rules (which keep
 * {@code origin}); the v11 variant is regression data for the v11+ rules.
 */
class EventSigningVectorsTest {
    private static final JsonObject FILE = SpecVectors.load("event-signing.json");
    private static final String SERVER = "domain";
    private static final String KEY_ID = "ed25519:1";
    private static final Ed25519SigningKey KEY = Ed25519SigningKey.fromSeed("1",
            UnpaddedBase64.decode("YJDBA9Xnr2sVqXD9Vj7XVUnmFZcZrlw8Md7kMW+3XA1"));
    private static final byte[] PUBLIC_KEY = UnpaddedBase64.decode("XGX0JRS2Af3be3knz2fBiRbApjm2Dh61gXDJA8kcJNI");
    private static final List<RoomVersion> V1_TO_V10 = List.of(RoomVersion.V1, RoomVersion.V2, RoomVersion.V3,
            RoomVersion.V4, RoomVersion.V5, RoomVersion.V6, RoomVersion.V7, RoomVersion.V8, RoomVersion.V9, RoomVersion.V10);
    private static final List<RoomVersion> V11_PLUS = List.of(RoomVersion.V11, RoomVersion.V12);

    static List<JsonObject> cases() {
        return FILE.array("cases").orElseThrow().items().stream().map(JsonObject.class::cast).toList();
    }

    static Stream<Arguments> casesInV1ToV10() {
        return cases().stream().flatMap(c -> V1_TO_V10.stream().map(v -> Arguments.of(SpecVectors.text(c, "name"), v, c)));
    }

    static Stream<Arguments> casesInV11Plus() {
        return cases().stream().flatMap(c -> V11_PLUS.stream().map(v -> Arguments.of(SpecVectors.text(c, "name"), v, c)));
    }

    private static JsonObject input(JsonObject vector) {
        return SpecVectors.object(vector, "input");
    }

    private static JsonObject expected(JsonObject vector) {
        return SpecVectors.object(vector, "expected_output");
    }

    private static String derived(JsonObject vector, String key) {
        return SpecVectors.text(SpecVectors.object(vector, "derived_intermediates"), key);
    }

    @Test
    void the_file_holds_both_spec_examples() {
        assertThat(cases()).extracting(c -> SpecVectors.text(c, "name"))
                .containsExactly("minimal event", "event with redactable content");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hashes_the_content_as_the_spec_example(JsonObject vector) {
        String expectedHash = expected(vector).object("hashes").orElseThrow().string("sha256").orElseThrow();

        assertThat(EventHashing.contentHash(input(vector))).isEqualTo(expectedHash);
        assertThat(EventHashing.withContentHash(input(vector)).object("hashes").orElseThrow().string("sha256"))
                .contains(expectedHash);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void the_content_hash_covers_the_derived_canonical_bytes(JsonObject vector) {
        JsonObject covered = input(vector).toBuilder().remove("unsigned").remove("signatures").remove("hashes").build();

        assertThat(CanonicalJson.encode(covered)).isEqualTo(derived(vector, "content_hash_input"));
    }

    @ParameterizedTest(name = "{0} in room v{1}")
    @MethodSource("casesInV1ToV10")
    void hashes_and_signs_as_the_spec_example(String name, RoomVersion version, JsonObject vector) {
        JsonObject signed = EventSigning.hashAndSign(input(vector), version, SERVER, KEY);

        assertThat(signed).isEqualTo(expected(vector));
        assertThat(CanonicalJson.encode(signed)).isEqualTo(CanonicalJson.encode(expected(vector)));
        assertThat(EventSigning.sign(EventHashing.withContentHash(input(vector)), version, SERVER, KEY))
                .isEqualTo(expected(vector));
    }

    @ParameterizedTest(name = "{0} in room v{1}")
    @MethodSource("casesInV1ToV10")
    void signs_the_derived_redacted_bytes(String name, RoomVersion version, JsonObject vector) {
        byte[] signedBytes = JsonSigning.signedBytes(Redaction.redact(expected(vector), version));

        assertThat(new String(signedBytes, StandardCharsets.UTF_8)).isEqualTo(derived(vector, "signed_bytes_redaction_v1_to_v10"));
    }

    @ParameterizedTest(name = "{0} in room v{1}")
    @MethodSource("casesInV1ToV10")
    void verifies_the_spec_example(String name, RoomVersion version, JsonObject vector) {
        assertThat(EventSigning.verify(expected(vector), version, SERVER, KEY_ID, PUBLIC_KEY)).isTrue();
        assertThat(EventHashing.hasValidContentHash(expected(vector))).isTrue();
    }

    @ParameterizedTest(name = "{0} in room v{1}")
    @MethodSource("casesInV11Plus")
    void the_v11_rules_drop_origin_and_give_the_derived_signature(String name, RoomVersion version, JsonObject vector) {
        JsonObject signed = EventSigning.hashAndSign(input(vector), version, SERVER, KEY);

        assertThat(EventSigning.signature(signed, SERVER, KEY_ID)).contains(derived(vector, "v11_plus_variant_signature"));
        assertThat(signed.without("signatures")).isEqualTo(expected(vector).without("signatures"));
        assertThat(new String(JsonSigning.signedBytes(Redaction.redact(signed, version)), StandardCharsets.UTF_8))
                .isEqualTo(derived(vector, "v11_plus_variant_signed_bytes"));
        assertThat(EventSigning.verify(signed, version, SERVER, KEY_ID, PUBLIC_KEY)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void a_signature_under_one_redaction_rule_set_does_not_verify_under_the_other(JsonObject vector) {
        assertThat(EventSigning.verify(expected(vector), RoomVersion.V11, SERVER, KEY_ID, PUBLIC_KEY)).isFalse();
        JsonObject v11Signed = EventSigning.hashAndSign(input(vector), RoomVersion.V11, SERVER, KEY);
        assertThat(EventSigning.verify(v11Signed, RoomVersion.V10, SERVER, KEY_ID, PUBLIC_KEY)).isFalse();
    }

    @Test
    void derives_the_event_id_of_the_minimal_event_per_room_version() {
        JsonObject vector = cases().get(0);
        JsonObject event = expected(vector);
        String urlSafe = derived(vector, "reference_hash_redaction_v1_to_v10_urlsafe");
        String standard = urlSafe.replace('-', '+').replace('_', '/');

        assertThat(EventHashing.eventId(event, RoomVersion.V3)).isEqualTo("$" + standard);
        for (RoomVersion v : List.of(RoomVersion.V4, RoomVersion.V5, RoomVersion.V6, RoomVersion.V7, RoomVersion.V8,
                RoomVersion.V9, RoomVersion.V10)) {
            assertThat(EventHashing.eventId(event, v)).as("v" + v.id()).isEqualTo("$" + urlSafe);
        }
        assertThat(EventHashing.referenceHash(event, RoomVersion.V4)).isEqualTo(standard);
        assertThat(UnpaddedBase64.encodeUrlSafe(EventHashing.referenceHashBytes(event, RoomVersion.V4))).isEqualTo(urlSafe);

        String v11 = derived(vector, "v11_plus_variant_reference_hash_urlsafe");
        assertThat(EventHashing.eventId(event, RoomVersion.V11)).isEqualTo("$" + v11);
        assertThat(EventHashing.eventId(event, RoomVersion.V12)).isEqualTo("$" + v11);
    }

    @Test
    void the_event_id_ignores_signatures_and_unsigned_but_not_the_content_hash() {
        JsonObject event = expected(cases().get(0));
        String id = EventHashing.eventId(event, RoomVersion.V10);

        assertThat(EventHashing.eventId(event.without("signatures").without("unsigned"), RoomVersion.V10)).isEqualTo(id);
        assertThat(EventHashing.eventId(EventHashing.withContentHash(input(cases().get(0))), RoomVersion.V10)).isEqualTo(id);
        assertThat(EventHashing.eventId(event.with("hashes", JsonObject.EMPTY), RoomVersion.V10)).isNotEqualTo(id);
    }

    @Test
    void a_changed_redactable_body_keeps_the_signature_but_fails_the_content_hash() {
        JsonObject event = expected(cases().get(1));
        JsonObject tampered = event.with("content", JsonObject.builder().put("body", "Something else").build());

        assertThat(EventSigning.verify(tampered, RoomVersion.V10, SERVER, KEY_ID, PUBLIC_KEY)).isTrue();
        assertThat(EventHashing.hasValidContentHash(tampered)).isFalse();
        assertThat(EventHashing.eventId(tampered, RoomVersion.V10)).isEqualTo(EventHashing.eventId(event, RoomVersion.V10));
    }

    @Test
    void a_changed_protected_key_fails_the_signature() {
        JsonObject event = expected(cases().get(1));

        assertThat(EventSigning.verify(event.with("origin_server_ts", io.zhihang.domain.protocol.json.JsonNumber.of(1)),
                RoomVersion.V10, SERVER, KEY_ID, PUBLIC_KEY)).isFalse();
        assertThat(EventSigning.verify(event.with("sender", JsonString.of("@evil:domain")),
                RoomVersion.V10, SERVER, KEY_ID, PUBLIC_KEY)).isFalse();
    }
}
