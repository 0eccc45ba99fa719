package io.zhihang.domain.media.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Real, playable audio files made in code, for tests in any module (the domain test-jar ships them): an Ogg/Opus
 * voice message as Element records them, and a 16-bit PCM WAV. Durations are whole milliseconds.
 */
public final class AudioFixtures {
    /** The pre-skip libopus encoders write (6.5 ms at 48 kHz). */
    public static final int OPUS_PRE_SKIP = 312;
    /** An Opus packet of 20 ms of silence: TOC 0xF8 (CELT fullband, 20 ms, mono, one frame) and its frame. */
    private static final byte[] OPUS_SILENCE = {(byte) 0xF8, (byte) 0xFF, (byte) 0xFE};
    private static final int OPUS_SAMPLES_PER_PACKET = 960;
    private static final int OPUS_PACKETS_PER_PAGE = 50;
    private static final int OGG_SERIAL = 0x5A48_4841;

    private AudioFixtures() {
    }

    /**
     * A mono Ogg/Opus stream of {@code duration} (whole milliseconds) as an encoder writes it: OpusHead (pre-skip 312)
     * and OpusTags pages, then pages of 50 packets of 20 ms silence each, enough to decode the pre-skip plus the
     * duration. Granule positions count decoded samples from 0; the final page's trims the last packet (RFC 7845
     * §4.5), so that the stream plays for exactly {@code duration}.
     */
    public static byte[] oggOpus(Duration duration) {
        long samples = duration.toMillis() * 48;
        if (samples <= 0) {
            throw new IllegalArgumentException("A positive duration of at least 1 ms is needed");
        }
        OggWriter ogg = new OggWriter(OGG_SERIAL);
        ogg.page(OggWriter.BOS, 0, List.of(opusHead()));
        ogg.page(0, 0, List.of(opusTags()));
        long decoded = OPUS_PRE_SKIP + samples;
        long packets = (decoded + OPUS_SAMPLES_PER_PACKET - 1) / OPUS_SAMPLES_PER_PACKET;
        long written = 0;
        while (written < packets) {
            int onPage = (int) Math.min(OPUS_PACKETS_PER_PAGE, packets - written);
            written += onPage;
            boolean last = written == packets;
            long granule = last ? decoded : written * OPUS_SAMPLES_PER_PACKET;
            List<byte[]> page = new ArrayList<>();
            for (int i = 0; i < onPage; i++) {
                page.add(OPUS_SILENCE);
            }
            ogg.page(last ? OggWriter.EOS : 0, granule, page);
        }
        return ogg.bytes();
    }

    /**
     * A 16-bit little-endian PCM WAV of {@code duration} (rounded down to whole sample frames) holding a quiet 440 Hz
     * sine on every channel: RIFF header, a 16-byte {@code fmt } chunk and the {@code data} chunk.
     */
    public static byte[] wav(Duration duration, int sampleRate, int channels) {
        if (sampleRate <= 0 || channels <= 0) {
            throw new IllegalArgumentException("A positive sample rate and channel count are needed");
        }
        long frames = duration.toNanos() * sampleRate / 1_000_000_000L;
        int blockAlign = 2 * channels;
        int dataBytes = Math.toIntExact(frames * blockAlign);
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes + (dataBytes & 1)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(36 + dataBytes + (dataBytes & 1)).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) channels).putInt(sampleRate)
                .putInt(sampleRate * blockAlign).putShort((short) blockAlign).putShort((short) 16);
        b.put(ascii("data")).putInt(dataBytes);
        for (long frame = 0; frame < frames; frame++) {
            short sample = (short) Math.round(0.1 * Short.MAX_VALUE * Math.sin(2 * Math.PI * 440 * frame / sampleRate));
            for (int c = 0; c < channels; c++) {
                b.putShort(sample);
            }
        }
        return b.array();
    }

    /** The RFC 7845 §5.1 identification header: version 1, mono, pre-skip 312, 48 kHz input, no gain, family 0. */
    private static byte[] opusHead() {
        return ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN).put(ascii("OpusHead")).put((byte) 1)
                .put((byte) 1).putShort((short) OPUS_PRE_SKIP).putInt(48_000).putShort((short) 0).put((byte) 0)
                .array();
    }

    /** The RFC 7845 §5.2 comment header: a vendor string and no comments. */
    private static byte[] opusTags() {
        byte[] vendor = ascii("zhihang AudioFixtures");
        return ByteBuffer.allocate(8 + 4 + vendor.length + 4).order(ByteOrder.LITTLE_ENDIAN).put(ascii("OpusTags"))
                .putInt(vendor.length).put(vendor).putInt(0).array();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Writes the pages of one logical Ogg stream (RFC 3533): capture pattern, version 0, header-type flags, granule
     * position, serial, page sequence number, CRC and lacing. Each page holds whole packets only.
     */
    static final class OggWriter {
        static final int BOS = 0x02;
        static final int EOS = 0x04;

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final int serial;
        private int sequence;

        OggWriter(int serial) {
            this.serial = serial;
        }

        void page(int headerType, long granule, List<byte[]> packets) {
            ByteArrayOutputStream lacing = new ByteArrayOutputStream();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (byte[] packet : packets) {
                int left = packet.length;
                while (left >= 255) {
                    lacing.write(255);
                    left -= 255;
                }
                lacing.write(left);
                body.writeBytes(packet);
            }
            if (lacing.size() > 255) {
                throw new IllegalArgumentException("Too many segments for one page");
            }
            ByteBuffer page = ByteBuffer.allocate(27 + lacing.size() + body.size()).order(ByteOrder.LITTLE_ENDIAN);
            page.put(ascii("OggS")).put((byte) 0).put((byte) headerType).putLong(granule).putInt(serial)
                    .putInt(sequence++).putInt(0).put((byte) lacing.size()).put(lacing.toByteArray())
                    .put(body.toByteArray());
            byte[] bytes = page.array();
            ByteBuffer.wrap(bytes, 22, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(crc(bytes));
            out.writeBytes(bytes);
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        /** Ogg's CRC-32, bit by bit (kept apart from the table-driven one under test): poly 0x04C11DB7, init 0. */
        private static int crc(byte[] page) {
            int crc = 0;
            for (byte value : page) {
                crc ^= (value & 0xFF) << 24;
                for (int bit = 0; bit < 8; bit++) {
                    crc = (crc & 0x8000_0000) != 0 ? crc << 1 ^ 0x04C1_1DB7 : crc << 1;
                }
            }
            return crc;
        }
    }
}
