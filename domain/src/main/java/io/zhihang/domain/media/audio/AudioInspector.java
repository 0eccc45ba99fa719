package io.zhihang.domain.media.audio;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.Optional;

/**
 * Reads the format and duration of uploaded audio from its bytes, so that the server states a voice message's length
 * itself and refuses what is not audio. Supported: Ogg/Opus, Ogg/Vorbis, WAV, MP4/M4A, FLAC and MP3 (see
 * {@link AudioFormat}); the format is recognised from its magic bytes, never from a declared content type.
 *
 * <p>The channel is read by seeking to the few places each format needs (the first and last Ogg pages, the RIFF chunk
 * headers, the MP4 box headers down to {@code moov/mvhd}, …): at most a few hundred kilobytes of any file, however
 * large. Malformed, truncated or unsupported input gives an empty answer, never an exception; only an
 * {@link IOException} of the channel itself is thrown. The channel's position afterwards is unspecified.
 */
public final class AudioInspector {
    private static final int SNIFF_LENGTH = 12;
    /** More stacked ID3v2 tags than this is not an MP3 or FLAC file we want. */
    private static final int MAX_ID3_TAGS = 4;

    private AudioInspector() {
    }

    /** The audio in {@code channel} (read from position 0 to its size), or empty when it is not supported audio. */
    public static Optional<AudioInfo> inspect(SeekableByteChannel channel) throws IOException {
        ByteSource source = new ByteSource(channel);
        byte[] head = source.read(0, SNIFF_LENGTH);
        if (Bytes.ascii(head, 0, "OggS")) {
            return OggInspector.inspect(source);
        }
        if (Bytes.ascii(head, 0, "RIFF") && Bytes.ascii(head, 8, "WAVE")) {
            return WavInspector.inspect(source);
        }
        if (Bytes.ascii(head, 4, "ftyp")) {
            return Mp4Inspector.inspect(source);
        }
        long offset = afterId3v2(source);
        if (Bytes.ascii(source.read(offset, 4), 0, "fLaC")) {
            return FlacInspector.inspect(source, offset);
        }
        return Mp3Inspector.inspect(source, offset);
    }

    /** The audio in {@code bytes}, or empty when it is not supported audio. */
    public static Optional<AudioInfo> inspect(byte[] bytes) {
        try {
            return inspect(new ByteArrayChannel(bytes));
        } catch (IOException e) {
            throw new IllegalStateException("An in-memory channel does not fail", e);
        }
    }

    /** The offset after any ID3v2 tags at the start (ID3v2.4 §3.1: syncsafe size, optional 10-byte footer). */
    private static long afterId3v2(ByteSource source) throws IOException {
        long offset = 0;
        for (int tags = 0; tags < MAX_ID3_TAGS; tags++) {
            byte[] h = source.readExactly(offset, 10);
            if (h == null || !Bytes.ascii(h, 0, "ID3") || Bytes.u8(h, 3) == 0xFF || Bytes.u8(h, 4) == 0xFF
                    || ((h[6] | h[7] | h[8] | h[9]) & 0x80) != 0) {
                break;
            }
            long size = (long) h[6] << 21 | h[7] << 14 | h[8] << 7 | h[9];
            offset += 10 + size + ((h[5] & 0x10) != 0 ? 10 : 0);
        }
        return offset;
    }
}
