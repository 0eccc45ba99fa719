package io.zhihang.domain.media.audio;

import io.zhihang.domain.media.audio.OggPage.Parse;

import java.io.IOException;
import java.util.Optional;

/**
 * Ogg/Opus (RFC 7845) and Ogg/Vorbis: the codec and its parameters from the identification header on the first
 * page, the length from the granule position of the last page of that logical stream. Opus counts 48 kHz samples and
 * subtracts the OpusHead pre-skip; Vorbis counts samples at the rate its identification header states.
 *
 * <p>Both pages relied on must carry the capture pattern and a valid CRC. The last page is found by scanning back
 * from the end over at most {@link #TAIL_SCAN} bytes: a page cut off by the end of the file is passed over (a
 * truncated upload yields the duration of what it holds), but a complete page whose checksum fails makes the file
 * untrustworthy and the answer empty.
 */
final class OggInspector {
    /** How far back from the end the last page of the audio stream is looked for. */
    static final int TAIL_SCAN = 256 * 1024;

    private static final int OPUS_RATE = 48_000;

    private OggInspector() {
    }

    static Optional<AudioInfo> inspect(ByteSource source) throws IOException {
        byte[] head = source.read(0, OggPage.MAX_LENGTH);
        if (!(OggPage.parse(head, 0) instanceof Parse.Complete(OggPage first))
                || !first.crcValid() || !first.beginsStream()) {
            return Optional.empty();
        }
        Optional<Codec> codec = Codec.identify(head, first.bodyStart(), first.bodyLength());
        if (codec.isEmpty()) {
            return Optional.empty();
        }
        long offset = Math.max(0, source.size() - TAIL_SCAN);
        byte[] tail = source.read(offset, TAIL_SCAN);
        Optional<Long> lastGranule = lastGranule(tail, first.serial());
        if (lastGranule.isEmpty()) {
            return Optional.empty();
        }
        Codec c = codec.get();
        return Bytes.duration(lastGranule.get() - c.preSkip(), c.granuleRate())
                .map(duration -> AudioInfo.of(c.format(), duration, c.sampleRate(), c.channels()));
    }

    /**
     * The granule position of the last complete, checksummed page of stream {@code serial} in {@code tail}, scanning
     * backwards; empty when a complete page on the way has a bad checksum or no such page is found.
     */
    private static Optional<Long> lastGranule(byte[] tail, long serial) {
        for (int at = tail.length - 4; at >= 0; at--) {
            if (tail[at] != 'O' || !(OggPage.parse(tail, at) instanceof Parse.Complete(OggPage page))) {
                continue;
            }
            if (!page.crcValid()) {
                return Optional.empty();
            }
            if (page.serial() == serial && page.granule() != -1) {
                return Optional.of(page.granule());
            }
        }
        return Optional.empty();
    }

    /** The codec of the stream, from the first packet on its first page. */
    private record Codec(AudioFormat format, int preSkip, long granuleRate, int sampleRate, int channels) {
        static Optional<Codec> identify(byte[] b, int at, int length) {
            if (length >= 19 && Bytes.ascii(b, at, "OpusHead")) {
                int version = Bytes.u8(b, at + 8);
                int channels = Bytes.u8(b, at + 9);
                if ((version & 0xF0) != 0 || channels == 0) {
                    return Optional.empty();
                }
                return Optional.of(new Codec(AudioFormat.OGG_OPUS, Bytes.u16le(b, at + 10), OPUS_RATE, OPUS_RATE,
                        channels));
            }
            if (length >= 30 && Bytes.u8(b, at) == 1 && Bytes.ascii(b, at + 1, "vorbis")) {
                long version = Bytes.u32le(b, at + 7);
                int channels = Bytes.u8(b, at + 11);
                long rate = Bytes.u32le(b, at + 12);
                if (version != 0 || channels == 0 || rate == 0 || rate > Integer.MAX_VALUE) {
                    return Optional.empty();
                }
                return Optional.of(new Codec(AudioFormat.OGG_VORBIS, 0, rate, (int) rate, channels));
            }
            return Optional.empty();
        }
    }
}
