package io.zhihang.domain.media.audio;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Files from real encoders (see {@code encoded/README.md} in the test resources), and variants built from them. */
class EncodedFileInspectionTest {
    /** 41 frames of 576 samples at 22.05 kHz, as LAME writes one second (encoder delay and padding included). */
    private static final Duration LAME_ONE_SECOND = Duration.ofNanos(41L * 576 * 1_000_000_000 / 22_050);

    @Test
    void reads_libopus_output() {
        assertThat(AudioInspector.inspect(encoded("opus-1s.opus")))
                .contains(AudioInfo.of(AudioFormat.OGG_OPUS, Duration.ofSeconds(1), 48_000, 1));
    }

    @Test
    void reads_libvorbis_output() {
        assertThat(AudioInspector.inspect(encoded("vorbis-1s.ogg")))
                .contains(AudioInfo.of(AudioFormat.OGG_VORBIS, Duration.ofSeconds(1), 22_050, 1));
    }

    @Test
    void reads_an_m4a_wherever_its_moov_box_is() {
        AudioInfo expected = new AudioInfo(AudioFormat.MP4, "audio/mp4", Duration.ofSeconds(1), 22_050, 0);

        assertThat(AudioInspector.inspect(encoded("aac-1s.m4a"))).contains(expected);
        assertThat(AudioInspector.inspect(encoded("aac-1s-faststart.m4a"))).contains(expected);
    }

    @Test
    void an_mp4_with_a_video_track_is_not_audio() {
        assertThat(AudioInspector.inspect(encoded("video-1s.mp4"))).isEmpty();
    }

    @Test
    void reads_an_mvhd_of_version_1_behind_a_64_bit_sized_mdat_of_a_huge_file() throws IOException {
        byte[] m4a = encoded("aac-1s-faststart.m4a");
        byte[] ftyp = Arrays.copyOf(m4a, (int) box(m4a, 0));
        byte[] moov = Arrays.copyOfRange(m4a, ftyp.length, ftyp.length + (int) box(m4a, ftyp.length));
        byte[] moovV1 = withMvhdVersion1(moov, 90_000, 90_000L * 3_600 * 30);
        long mdatSize = 5L << 30;
        byte[] mdatHeader = ByteBuffer.allocate(16).putInt(1).put(AudioFixtures.ascii("mdat")).putLong(mdatSize)
                .array();
        long moovAt = ftyp.length + mdatSize;
        SparseChannel channel = new SparseChannel(moovAt + moovV1.length)
                .with(0, ftyp).with(ftyp.length, mdatHeader).with(moovAt, moovV1);

        assertThat(AudioInspector.inspect(channel)).map(AudioInfo::duration).contains(Duration.ofHours(30));
        assertThat(channel.bytesRead()).isLessThan(64 * 1024);
    }

    @Test
    void reads_flac_streaminfo() {
        assertThat(AudioInspector.inspect(encoded("flac-1s.flac")))
                .contains(new AudioInfo(AudioFormat.FLAC, "audio/flac", Duration.ofSeconds(1), 8_000, 2));
    }

    @Test
    void a_flac_stream_of_unknown_length_has_no_duration() {
        byte[] flac = encoded("flac-1s.flac");
        flac[8 + 13] &= (byte) 0xF0;
        Arrays.fill(flac, 8 + 14, 8 + 18, (byte) 0);

        assertThat(AudioInspector.inspect(flac)).isEmpty();
    }

    @Test
    void reads_the_frame_count_of_an_mp3_info_header_after_an_id3v2_tag() {
        assertThat(AudioInspector.inspect(encoded("mp3-xing-1s.mp3")))
                .contains(new AudioInfo(AudioFormat.MP3, "audio/mpeg", LAME_ONE_SECOND, 22_050, 1));
    }

    /** 2,142 bytes of 16 kbit/s frames: 1.071 s. */
    @Test
    void estimates_a_constant_bitrate_mp3_from_its_size() {
        assertThat(AudioInspector.inspect(encoded("mp3-cbr-1s.mp3")))
                .contains(AudioInfo.of(AudioFormat.MP3, Duration.ofMillis(1_071), 22_050, 1));
    }

    @Test
    void a_constant_bitrate_estimate_leaves_out_id3_tags_at_either_end() {
        byte[] mp3 = encoded("mp3-cbr-1s.mp3");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 1, 0});
        out.writeBytes(new byte[128]);
        out.writeBytes(mp3);
        byte[] id3v1 = new byte[128];
        id3v1[0] = 'T';
        id3v1[1] = 'A';
        id3v1[2] = 'G';
        out.writeBytes(id3v1);

        assertThat(AudioInspector.inspect(out.toByteArray())).map(AudioInfo::duration)
                .contains(Duration.ofMillis(1_071));
    }

    @Test
    void reads_the_frame_count_of_a_vbri_header() {
        // MPEG-1 Layer III, 128 kbit/s, 48 kHz, stereo: 384-byte frames of 1152 samples (24 ms).
        byte[] header = {(byte) 0xFF, (byte) 0xFB, (byte) 0x94, 0x00};
        byte[] mp3 = new byte[384 * 4];
        for (int frame = 0; frame < 4; frame++) {
            System.arraycopy(header, 0, mp3, frame * 384, 4);
        }
        ByteBuffer.wrap(mp3, 36, 18).put(AudioFixtures.ascii("VBRI")).putShort((short) 1).putShort((short) 0)
                .putShort((short) 75).putInt(384 * 2_500).putInt(2_500);

        assertThat(AudioInspector.inspect(mp3))
                .contains(AudioInfo.of(AudioFormat.MP3, Duration.ofSeconds(60), 48_000, 2));
        assertThat(AudioInspector.inspect(Arrays.copyOf(mp3, 384 * 2 + 3))).isEmpty();
    }

    static byte[] encoded(String name) {
        try (InputStream in = EncodedFileInspectionTest.class.getResourceAsStream("encoded/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource encoded/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long box(byte[] file, int at) {
        return ByteBuffer.wrap(file, at, 4).getInt() & 0xFFFF_FFFFL;
    }

    /** {@code moov} with its version 0 {@code mvhd} rewritten as version 1 (12 bytes longer), sizes fixed up. */
    private static byte[] withMvhdVersion1(byte[] moov, int timescale, long duration) {
        int mvhd = 8;
        while (!new String(moov, mvhd + 4, 4, StandardCharsets.US_ASCII).equals("mvhd")) {
            mvhd += (int) box(moov, mvhd);
        }
        int oldSize = (int) box(moov, mvhd);
        ByteBuffer v1 = ByteBuffer.allocate(oldSize + 12);
        v1.putInt(oldSize + 12).put(AudioFixtures.ascii("mvhd")).putInt(0x0100_0000).putLong(0).putLong(0)
                .putInt(timescale).putLong(duration).put(moov, mvhd + 8 + 20, oldSize - 8 - 20);
        ByteBuffer out = ByteBuffer.allocate(moov.length + 12);
        out.putInt(moov.length + 12).put(moov, 4, mvhd - 4).put(v1.array())
                .put(moov, mvhd + oldSize, moov.length - mvhd - oldSize);
        return out.array();
    }
}
