package io.zhihang.domain.media.audio;

/**
 * The container and codec combinations whose duration {@link AudioInspector} can read from the bytes, each with the
 * canonical media type a client should be told.
 */
public enum AudioFormat {
    /** Opus in Ogg (RFC 7845): what Element and most Matrix clients record voice messages as. */
    OGG_OPUS("audio/ogg"),
    /** Vorbis I in Ogg. */
    OGG_VORBIS("audio/ogg"),
    /** RIFF/WAVE with a {@code fmt } and a {@code data} chunk. */
    WAV("audio/wav"),
    /** ISO base media file (MP4/M4A) with an audio track and no video track. */
    MP4("audio/mp4"),
    /** Native FLAC with a STREAMINFO block that knows the total number of samples. */
    FLAC("audio/flac"),
    /** MPEG-1/2/2.5 Layer III, with or without an ID3v2 tag. */
    MP3("audio/mpeg");

    private final String mimeType;

    AudioFormat(String mimeType) {
        this.mimeType = mimeType;
    }

    /** The canonical media type for this format, lower case and without parameters. */
    public String mimeType() {
        return mimeType;
    }
}
