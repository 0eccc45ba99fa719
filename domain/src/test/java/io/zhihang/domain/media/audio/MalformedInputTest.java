package io.zhihang.domain.media.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is not audio, and audio cut short or damaged at random: never an exception, never an unbounded amount of
 * reading (every inspection is counted on a {@link SparseChannel}), and an answer only when it can be trusted.
 */
class MalformedInputTest {
    /** Far above what any inspection needs (the Ogg tail scan is 256 KiB), far below a runaway loop. */
    private static final long MAX_BYTES_READ = 2L << 20;
    private static final int MAX_READS = 20_000;

    @Test
    void what_is_not_audio_gives_no_answer() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

        assertThat(AudioInspector.inspect(png)).isEmpty();
        assertThat(AudioInspector.inspect("{\"msgtype\":\"m.audio\",\"body\":\"voice\"}"
                .getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(AudioInspector.inspect(new byte[0])).isEmpty();
        assertThat(AudioInspector.inspect(new byte[] {'O', 'g', 'g'})).isEmpty();
        assertThat(AudioInspector.inspect(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x94})).isEmpty();
        assertThat(AudioInspector.inspect(new byte[4096])).isEmpty();
        assertThat(AudioInspector.inspect(EncodedFileInspectionTest.encoded("README.md"))).isEmpty();
    }

    @Test
    void random_bytes_are_never_taken_for_audio() throws IOException {
        Random random = new Random(20_250_101);
        for (int i = 0; i < 2_000; i++) {
            byte[] bytes = new byte[random.nextInt(i < 1_000 ? 64 : 70_000)];
            random.nextBytes(bytes);
            if (i % 4 == 0 && bytes.length >= 12) {
                byte[] magic = MAGICS[random.nextInt(MAGICS.length)];
                System.arraycopy(magic, 0, bytes, 0, Math.min(magic.length, bytes.length));
            }
            assertThat(inspect(bytes)).as("random input %d", i).isEmpty();
        }
    }

    static Stream<byte[]> samples() {
        return Stream.of(AudioFixtures.oggOpus(Duration.ofMillis(1_300)),
                AudioFixtures.wav(Duration.ofMillis(100), 8_000, 2),
                EncodedFileInspectionTest.encoded("opus-1s.opus"),
                EncodedFileInspectionTest.encoded("vorbis-1s.ogg"),
                EncodedFileInspectionTest.encoded("aac-1s.m4a"),
                EncodedFileInspectionTest.encoded("aac-1s-faststart.m4a"),
                EncodedFileInspectionTest.encoded("flac-1s.flac"),
                EncodedFileInspectionTest.encoded("mp3-xing-1s.mp3"),
                EncodedFileInspectionTest.encoded("mp3-cbr-1s.mp3"));
    }

    /**
     * Every prefix of every sample: either no answer or one of the same format that is no longer than the whole
     * (streamed formats measure what is there; header-declared lengths, FLAC's or a Xing count, stay as declared).
     */
    @ParameterizedTest
    @MethodSource("samples")
    void a_truncated_file_never_claims_more_than_the_whole(byte[] sample) throws IOException {
        AudioInfo whole = inspect(sample).orElseThrow();
        for (int length = 0; length < sample.length; length++) {
            Optional<AudioInfo> cut = inspect(Arrays.copyOf(sample, length));
            cut.ifPresent(info -> {
                assertThat(info.format()).isEqualTo(whole.format());
                assertThat(info.duration()).isPositive().isLessThanOrEqualTo(whole.duration());
            });
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void random_damage_never_throws(byte[] sample) throws IOException {
        Random random = new Random(sample.length);
        for (int i = 0; i < 1_000; i++) {
            byte[] damaged = sample.clone();
            int changes = 1 + random.nextInt(16);
            for (int c = 0; c < changes; c++) {
                int at = random.nextInt(Math.min(damaged.length, c % 2 == 0 ? 200 : damaged.length));
                damaged[at] = (byte) random.nextInt(256);
            }
            if (random.nextBoolean()) {
                damaged = Arrays.copyOf(damaged, random.nextInt(damaged.length));
            }
            inspect(damaged).ifPresent(info -> assertThat(info.duration()).isPositive());
        }
    }

    /** Inspects {@code bytes} through a counting channel, checking that the work stays bounded. */
    private static Optional<AudioInfo> inspect(byte[] bytes) throws IOException {
        SparseChannel channel = SparseChannel.of(bytes);
        Optional<AudioInfo> info = AudioInspector.inspect(channel);
        assertThat(channel.bytesRead()).isLessThanOrEqualTo(MAX_BYTES_READ);
        assertThat(channel.reads()).isLessThanOrEqualTo(MAX_READS);
        return info;
    }

    private static final byte[][] MAGICS = {
            "OggS\0\2".getBytes(StandardCharsets.ISO_8859_1),
            "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1),
            "\0\0\0\030ftypM4A ".getBytes(StandardCharsets.ISO_8859_1),
            "fLaC\0\0\0\042".getBytes(StandardCharsets.ISO_8859_1),
            "ID3\3\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1),
    };
}
