package io.zhihang.domain.media.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OggOpusInspectionTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 20, 1_000, 1_234, 2_500, 61_300, 600_000})
    void reads_the_exact_duration_of_a_generated_voice_message(long millis) {
        Optional<AudioInfo> info = AudioInspector.inspect(AudioFixtures.oggOpus(Duration.ofMillis(millis)));

        assertThat(info).contains(new AudioInfo(AudioFormat.OGG_OPUS, "audio/ogg", Duration.ofMillis(millis), 48_000, 1));
    }

    @Test
    void reads_an_upload_from_its_file_channel(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("voice.ogg");
        Files.write(file, AudioFixtures.oggOpus(Duration.ofMillis(2_500)));

        try (FileChannel channel = FileChannel.open(file)) {
            assertThat(AudioInspector.inspect(channel)).map(AudioInfo::duration).contains(Duration.ofMillis(2_500));
        }
    }

    @Test
    void a_bad_checksum_on_the_first_page_means_no_answer() {
        byte[] ogg = AudioFixtures.oggOpus(Duration.ofSeconds(1));
        ogg[22] ^= 0x01;

        assertThat(AudioInspector.inspect(ogg)).isEmpty();
    }

    @Test
    void a_changed_byte_in_the_last_page_means_no_answer() {
        byte[] ogg = AudioFixtures.oggOpus(Duration.ofMillis(2_500));
        ogg[ogg.length - 2] ^= 0x10;

        assertThat(AudioInspector.inspect(ogg)).isEmpty();
    }

    @Test
    void a_forged_granule_position_without_a_new_checksum_is_refused() {
        byte[] ogg = AudioFixtures.oggOpus(Duration.ofMillis(2_500));
        List<Integer> pages = pageOffsets(ogg);
        ogg[pages.getLast() + 9] = 0x7F;

        assertThat(AudioInspector.inspect(ogg)).isEmpty();
    }

    @Test
    void a_broken_capture_pattern_is_not_ogg() {
        byte[] ogg = AudioFixtures.oggOpus(Duration.ofSeconds(1));
        ogg[4] = 1;

        assertThat(AudioInspector.inspect(ogg)).isEmpty();
    }

    /**
     * A truncated upload (a page cut off by the end of the file) is measured by what it holds: the last complete page.
     * The 2.5 s fixture has pages of 1 s, so cutting into the third leaves 2 s of decoded samples, minus the pre-skip.
     */
    @Test
    void a_truncated_stream_yields_the_duration_up_to_its_last_complete_page() {
        byte[] ogg = AudioFixtures.oggOpus(Duration.ofMillis(2_500));
        int lastPage = pageOffsets(ogg).getLast();

        Optional<AudioInfo> info = AudioInspector.inspect(Arrays.copyOf(ogg, lastPage + 30));

        assertThat(info).map(AudioInfo::duration)
                .contains(Duration.ofNanos((96_000L - AudioFixtures.OPUS_PRE_SKIP) * 1_000_000_000L / 48_000));
    }

    @Test
    void a_stream_cut_after_its_headers_has_no_duration() {
        byte[] ogg = AudioFixtures.oggOpus(Duration.ofMillis(2_500));
        int firstAudioPage = pageOffsets(ogg).get(2);

        assertThat(AudioInspector.inspect(Arrays.copyOf(ogg, firstAudioPage))).isEmpty();
        assertThat(AudioInspector.inspect(Arrays.copyOf(ogg, firstAudioPage + 100))).isEmpty();
    }

    @Test
    void reads_the_granule_of_the_last_page_of_a_huge_upload_without_reading_the_middle() throws IOException {
        byte[] ogg = AudioFixtures.oggOpus(Duration.ofMillis(61_300));
        int lastPage = pageOffsets(ogg).getLast();
        long size = 3L << 30;
        SparseChannel channel = new SparseChannel(size)
                .with(0, Arrays.copyOf(ogg, lastPage))
                .with(size - (ogg.length - lastPage), Arrays.copyOfRange(ogg, lastPage, ogg.length));

        assertThat(AudioInspector.inspect(channel)).map(AudioInfo::duration).contains(Duration.ofMillis(61_300));
        assertThat(channel.bytesRead()).isLessThan(1 << 20);
    }

    /** Where each page starts, walking the page headers of a well-formed stream. */
    static List<Integer> pageOffsets(byte[] ogg) {
        List<Integer> offsets = new ArrayList<>();
        int at = 0;
        while (at < ogg.length) {
            offsets.add(at);
            int segments = ogg[at + 26] & 0xFF;
            int body = 0;
            for (int i = 0; i < segments; i++) {
                body += ogg[at + 27 + i] & 0xFF;
            }
            at += 27 + segments + body;
        }
        return offsets;
    }
}
