package io.zhihang.domain.media.audio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * MP4/M4A (ISO/IEC 14496-12): the duration from {@code moov/mvhd} (timescale and duration, version 0 or 1, found
 * wherever {@code moov} lies among the top-level boxes, 64-bit box sizes included). The file counts as audio only if
 * some {@code trak} has a {@code soun} handler and none has a {@code vide} one. The sample rate comes from the first
 * sample entry of the sound track; channels are reported as unknown (0), since the true count sits in codec-specific
 * configuration ({@code esds}) that this reader does not decode. A file whose {@code moov} was cut off, or a
 * fragmented file whose {@code mvhd} gives no duration, yields nothing.
 */
final class Mp4Inspector {
    private Mp4Inspector() {
    }

    static Optional<AudioInfo> inspect(ByteSource source) throws IOException {
        Mp4Box moov = null;
        for (Mp4Box box : Mp4Box.children(source, 0, source.size())) {
            if (box.type().equals("moov")) {
                moov = box;
                break;
            }
        }
        if (moov == null) {
            return Optional.empty();
        }
        Optional<Duration> duration = movieDuration(source, moov);
        if (duration.isEmpty()) {
            return Optional.empty();
        }
        Mp4Box sound = null;
        for (Mp4Box trak : Mp4Box.children(source, moov.payloadStart(), moov.end())) {
            if (!trak.type().equals("trak")) {
                continue;
            }
            Mp4Box mdia = trak.child(source, "mdia");
            String handler = mdia == null ? "" : handler(source, mdia);
            if (handler.equals("vide")) {
                return Optional.empty();
            }
            if (handler.equals("soun") && sound == null) {
                sound = mdia;
            }
        }
        if (sound == null) {
            return Optional.empty();
        }
        return Optional.of(AudioInfo.of(AudioFormat.MP4, duration.get(), sampleRate(source, sound), 0));
    }

    private static Optional<Duration> movieDuration(ByteSource source, Mp4Box moov) throws IOException {
        Mp4Box mvhd = moov.child(source, "mvhd");
        if (mvhd == null) {
            return Optional.empty();
        }
        byte[] b = source.readExactly(mvhd.payloadStart(), (int) Math.min(32, mvhd.payloadLength()));
        if (b == null || b.length < 20) {
            return Optional.empty();
        }
        if (b[0] == 1 && b.length >= 32) {
            return Bytes.duration(Bytes.s64be(b, 24), Bytes.u32be(b, 20));
        }
        if (b[0] == 0) {
            long duration = Bytes.u32be(b, 16);
            return duration == 0xFFFF_FFFFL ? Optional.empty() : Bytes.duration(duration, Bytes.u32be(b, 12));
        }
        return Optional.empty();
    }

    /** The handler type of {@code mdia/hdlr}: {@code soun}, {@code vide}, … or "" when absent. */
    private static String handler(ByteSource source, Mp4Box mdia) throws IOException {
        Mp4Box hdlr = mdia.child(source, "hdlr");
        byte[] b = hdlr == null || hdlr.payloadLength() < 12 ? null : source.readExactly(hdlr.payloadStart(), 12);
        if (b == null) {
            return "";
        }
        return new String(b, 8, 4, StandardCharsets.ISO_8859_1);
    }

    /**
     * The sample rate of the first entry of {@code minf/stbl/stsd} (an AudioSampleEntry: size, type, 6 reserved, data
     * reference index, 8 reserved, channelcount, samplesize, 4 reserved, samplerate as 16.16 fixed point), 0 when
     * not found. Its channelcount is not used: encoders write the template value 2 for mono AAC too.
     */
    private static int sampleRate(ByteSource source, Mp4Box mdia) throws IOException {
        Mp4Box minf = mdia.child(source, "minf");
        Mp4Box stbl = minf == null ? null : minf.child(source, "stbl");
        Mp4Box stsd = stbl == null ? null : stbl.child(source, "stsd");
        byte[] b = stsd == null || stsd.payloadLength() < 44 ? null : source.readExactly(stsd.payloadStart(), 44);
        return b == null ? 0 : (int) (Bytes.u32be(b, 8 + 32) >>> 16);
    }
}
