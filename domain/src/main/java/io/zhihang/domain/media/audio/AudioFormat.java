package io.zhihang.domain.media.audio;

/**
 * The container and codec combinations whose duration {@link AudioInspector} can read from the bytes, each with the
 * canonical media type a client should be told and the usual file name extension.
 */
public enum AudioFormat {
    /** Opus in Ogg (RFC 7845): what Element and most Matrix clients record voice messages as. */
    OGG_OPUS("audio/ogg", ".ogg"),
    /** Vorbis I in Ogg. */
    OGG_VORBIS("audio/ogg", ".ogg"),
    /** RIFF/WAVE with a {@code fmt } and a {@code data} chunk. */
    WAV("audio/wav", ".wav"),
    /** ISO base media file (MP4/M4A) with an audio track and no video track. */
    MP4("audio/mp4", ".m4a"),
    /** Native FLAC with a STREAMINFO block that knows the total number of samples. */
    FLAC("audio/flac", ".flac"),
    /** MPEG-1/2/2.5 Layer III, with or without an ID3v2 tag. */
    MP3("audio/mpeg", ".mp3");

    private final String mimeType;
    private final String extension;

    AudioFormat(String mimeType, String extension) {
        this.mimeType = mimeType;
        this.extension = extension;
    }

    /** The usual file name extension, with its dot ({@code .ogg}). */
    public String extension() {
        return extension;
    }

    /** The canonical media type for this format, lower case and without parameters. */
    public String mimeType() {
        return mimeType;
    }
}
