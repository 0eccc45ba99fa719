package io.zhihang.domain.event;

import io.zhihang.domain.protocol.Ed25519SigningKey;
import io.zhihang.domain.protocol.EventHashing;
import io.zhihang.domain.protocol.EventSigning;
import io.zhihang.domain.protocol.Redaction;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.UnpaddedBase64;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PduTemplateTest {
    private static final Ed25519SigningKey KEY = Ed25519SigningKey.generate("a_1", new SecureRandom());
    private static final EventDraft MESSAGE = EventDraft.message("m.room.message", "@alice:example.org",
            JsonObject.builder().put("body", "hi").build());

    private static JsonObject laidOut(RoomVersion version) {
        return PduTemplate.layout(MESSAGE, "!r:example.org", version, List.of("$prev:example.org"),
                List.of("$create:example.org", "$member:example.org"), 5, "example.org", 1_700_000_000_000L);
    }

    @Test
    void v3_and_later_list_bare_event_ids_and_carry_no_event_id() {
        JsonObject pdu = laidOut(RoomVersion.V3);
        assertThat(pdu.has("event_id")).isFalse();
        assertThat(pdu.get("prev_events")).contains(Json.parse("[\"$prev:example.org\"]"));
        assertThat(pdu.get("auth_events")).contains(Json.parse("[\"$create:example.org\",\"$member:example.org\"]"));
    }

    @Test
    void v1_and_v2_carry_the_chosen_id_and_cite_events_with_their_reference_hashes() {
        JsonObject pdu = PduTemplate.withServerChosenId(laidOut(RoomVersion.V1), "$abc:example.org",
                Map.of("$prev:example.org", "P", "$create:example.org", "C", "$member:example.org", "M"));

        assertThat(pdu.string("event_id")).contains("$abc:example.org");
        assertThat(pdu.get("prev_events")).contains(Json.parse("[[\"$prev:example.org\",{\"sha256\":\"P\"}]]"));
        assertThat(pdu.get("auth_events")).contains(Json.parse(
                "[[\"$create:example.org\",{\"sha256\":\"C\"}],[\"$member:example.org\",{\"sha256\":\"M\"}]]"));
        Pdu parsed = new Pdu("$abc:example.org", pdu);
        assertThat(parsed.prevEvents()).containsExactly("$prev:example.org");
        assertThat(parsed.authEvents()).containsExactly("$create:example.org", "$member:example.org");
    }

    @Test
    void a_cited_event_without_a_reference_hash_is_a_programming_error() {
        assertThatThrownBy(() -> PduTemplate.withServerChosenId(laidOut(RoomVersion.V2), "$abc:example.org",
                Map.of("$prev:example.org", "P"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_v1_event_id_is_covered_by_the_hash_and_the_signature_and_survives_redaction() {
        JsonObject pdu = PduTemplate.withServerChosenId(laidOut(RoomVersion.V1), "$abc:example.org",
                Map.of("$prev:example.org", "P", "$create:example.org", "C", "$member:example.org", "M"));
        JsonObject signed = EventSigning.hashAndSign(pdu, RoomVersion.V1, "example.org", KEY);
        byte[] publicKey = UnpaddedBase64.decode(KEY.publicKeyBase64());

        assertThat(EventHashing.hasValidContentHash(signed)).isTrue();
        assertThat(EventSigning.verify(signed, RoomVersion.V1, "example.org", KEY.keyId(), publicKey)).isTrue();
        JsonObject renamed = signed.with("event_id", new io.zhihang.domain.protocol.json.JsonString("$xyz:example.org"));
        assertThat(EventHashing.hasValidContentHash(renamed)).isFalse();
        assertThat(EventSigning.verify(renamed, RoomVersion.V1, "example.org", KEY.keyId(), publicKey)).isFalse();
        assertThat(Redaction.redact(signed, RoomVersion.V1).string("event_id")).contains("$abc:example.org");
        assertThat(EventHashing.referenceHash(Redaction.redact(signed, RoomVersion.V1), RoomVersion.V1))
                .isEqualTo(EventHashing.referenceHash(signed, RoomVersion.V1));
    }
}
