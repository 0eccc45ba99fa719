package io.zhihang.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventIdTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "$acR1l0raoZnm60CBwAVgqbZqoO/mYU81xysh1u7XcJk", // room v3: standard alphabet
            "$Rqnc-F-dvnEYJTyHq_iKxU2bZ1CI92-kuZq3a5lr5Zg", // room v4+: URL-safe alphabet
            "$8yif6p8EqgoSten2BLje9ntKm720NyFLWQv9tn8memc"})
    void accepts_reference_hash_ids(String raw) {
        EventId id = EventId.parse(raw);

        assertThat(id).hasToString(raw);
        assertThat(id.isReferenceHash()).isTrue();
        assertThat(id.server()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"$0:domain", "$143273582443PhrSn:example.org", "$a:localhost:8448", "$日本:[::1]"})
    void accepts_room_v1_ids_with_a_server(String raw) {
        EventId id = EventId.parse(raw);

        assertThat(id.isReferenceHash()).isFalse();
        assertThat(id.server()).contains(new ServerName(raw.substring(raw.indexOf(':') + 1)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"$", "abc:example.org", "!abc:example.org", "$:example.org", "$abc:", "$abc",
            "$abc:bad server", "$a\u0000:example.org",
            "$8yif6p8EqgoSten2BLje9ntKm720NyFLWQv9tn8mem", "$8yif6p8EqgoSten2BLje9ntKm720NyFLWQv9tn8memcc",
            "$8yif6p8EqgoSten2BLje9ntKm720NyFLWQv9tn8mem=", "$8yif6p8EqgoSten2BLje9ntKm720NyFLWQv9tn8me.c"})
    void refuses_ids_outside_the_grammar(String raw) {
        assertThatThrownBy(() -> EventId.parse(raw)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(ErrorKind.INVALID_PARAM);
    }

    @Test
    void limits_the_length_to_255_bytes() {
        String server = ":example.org";

        assertThat(EventId.parse("$" + "a".repeat(254 - server.length()) + server).value()).hasSize(255);
        assertThatThrownBy(() -> EventId.parse("$" + "a".repeat(255 - server.length()) + server))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> EventId.parse("$" + "é".repeat(122) + server)).isInstanceOf(DomainException.class);
    }
}
