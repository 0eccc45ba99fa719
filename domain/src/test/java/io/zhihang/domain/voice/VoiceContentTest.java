package io.zhihang.domain.voice;

import io.zhihang.domain.media.MediaId;
import io.zhihang.domain.media.MxcUri;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ServerName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VoiceContentTest {

    @Test
    void a_voice_message_is_what_element_sends() {
        MxcUri url = new MxcUri(new ServerName("example.org"), new MediaId("abc"));
        String json = CanonicalJson.encode(VoiceContent.of(url, "audio/ogg", 1234, Duration.ofMillis(2500),
                new Waveform(List.of(0, 512, 1024)), "Voice message.ogg"));
        assertThat(json).isEqualTo("{\"body\":\"Voice message\",\"info\":{\"duration\":2500,\"mimetype\":\"audio/ogg\","
                + "\"size\":1234},\"msgtype\":\"m.audio\",\"org.matrix.msc1767.audio\":{\"duration\":2500,"
                + "\"waveform\":[0,512,1024]},\"org.matrix.msc1767.file\":{\"mimetype\":\"audio/ogg\","
                + "\"name\":\"Voice message.ogg\",\"size\":1234,\"url\":\"mxc://example.org/abc\"},"
                + "\"org.matrix.msc1767.text\":\"Voice message\",\"org.matrix.msc3245.voice\":{},"
                + "\"url\":\"mxc://example.org/abc\"}");
    }

    @Test
    void without_a_waveform_the_audio_part_has_the_duration_only() {
        MxcUri url = new MxcUri(new ServerName("example.org"), new MediaId("abc"));
        assertThat(VoiceContent.of(url, "audio/wav", 1, Duration.ofMillis(10), Waveform.NONE, "v.wav")
                .object("org.matrix.msc1767.audio").orElseThrow().has("waveform")).isFalse();
    }

    @Test
    void waveforms_are_at_most_a_thousand_points_from_0_to_1024() {
        assertThat(Waveform.parse("0, 12,1024").points()).containsExactly(0, 12, 1024);
        assertThat(Waveform.parse("[1,2]").points()).containsExactly(1, 2);
        assertThat(Waveform.parse(null)).isEqualTo(Waveform.NONE);
        assertThat(Waveform.parse("[]")).isEqualTo(Waveform.NONE);
        assertThatThrownBy(() -> Waveform.parse("1,x")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Waveform.parse("1025")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Waveform.parse("-1")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Waveform(java.util.Collections.nCopies(1001, 0))).isInstanceOf(DomainException.class);
    }
}
