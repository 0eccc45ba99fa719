package io.zhihang.domain.media.audio;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class WavInspectionTest {
    @Test
    void reads_a_mono_wav() {
        byte[] wav = AudioFixtures.wav(Duration.ofMillis(2_500), 16_000, 1);

        assertThat(AudioInspector.inspect(wav))
                .contains(new AudioInfo(AudioFormat.WAV, "audio/wav", Duration.ofMillis(2_500), 16_000, 1));
    }

    @Test
    void reads_a_stereo_wav() {
        byte[] wav = AudioFixtures.wav(Duration.ofMillis(1_500), 44_100, 2);

        assertThat(AudioInspector.inspect(wav))
                .contains(new AudioInfo(AudioFormat.WAV, "audio/wav", Duration.ofMillis(1_500), 44_100, 2));
    }

    @Test
    void skips_unknown_chunks_with_their_odd_length_padding() {
        byte[] wav = AudioFixtures.wav(Duration.ofMillis(1_000), 8_000, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(wav, 0, 36);
        out.writeBytes(chunk("LIST", new byte[] {'a', 'b', 'c'}));
        out.write(0);
        out.writeBytes(chunk("junk", new byte[] {1}));
        out.write(0);
        out.write(wav, 36, wav.length - 36);

        assertThat(AudioInspector.inspect(out.toByteArray())).map(AudioInfo::duration).contains(Duration.ofSeconds(1));
    }

    @Test
    void finds_the_format_after_the_data_chunk() {
        byte[] wav = AudioFixtures.wav(Duration.ofMillis(750), 8_000, 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(wav, 0, 12);
        out.write(wav, 36, wav.length - 36);
        out.write(wav, 12, 24);

        assertThat(AudioInspector.inspect(out.toByteArray())).map(AudioInfo::duration).contains(Duration.ofMillis(750));
    }

    /** A truncated upload, or a streaming writer's 0xFFFFFFFF size, counts the data bytes actually present. */
    @Test
    void a_data_chunk_longer_than_the_file_counts_what_is_there() {
        byte[] wav = AudioFixtures.wav(Duration.ofSeconds(2), 8_000, 1);

        assertThat(AudioInspector.inspect(Arrays.copyOf(wav, 44 + 8_000))).map(AudioInfo::duration)
                .contains(Duration.ofMillis(500));

        ByteBuffer.wrap(wav, 40, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(-1);
        assertThat(AudioInspector.inspect(wav)).map(AudioInfo::duration).contains(Duration.ofSeconds(2));
    }

    @Test
    void no_data_chunk_or_no_format_or_no_byte_rate_means_no_answer() {
        byte[] wav = AudioFixtures.wav(Duration.ofSeconds(1), 8_000, 1);

        assertThat(AudioInspector.inspect(Arrays.copyOf(wav, 36))).isEmpty();
        assertThat(AudioInspector.inspect(Arrays.copyOf(wav, 44))).isEmpty();

        byte[] noFormat = wav.clone();
        noFormat[12] = 'x';
        assertThat(AudioInspector.inspect(noFormat)).isEmpty();

        byte[] noByteRate = wav.clone();
        Arrays.fill(noByteRate, 28, 32, (byte) 0);
        assertThat(AudioInspector.inspect(noByteRate)).isEmpty();
    }

    @Test
    void seeks_past_the_data_of_a_huge_wav() throws IOException {
        byte[] header = Arrays.copyOf(AudioFixtures.wav(Duration.ofMillis(1), 48_000, 2), 44);
        ByteBuffer.wrap(header, 40, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(48_000 * 4 * 3_600);
        SparseChannel channel = new SparseChannel(44L + 48_000 * 4 * 3_600).with(0, header);

        assertThat(AudioInspector.inspect(channel)).map(AudioInfo::duration).contains(Duration.ofHours(1));
        assertThat(channel.bytesRead()).isLessThan(1_024);
    }

    private static byte[] chunk(String id, byte[] body) {
        return ByteBuffer.allocate(8 + body.length).order(ByteOrder.LITTLE_ENDIAN)
                .put(AudioFixtures.ascii(id)).putInt(body.length).put(body).array();
    }
}
