package io.zhihang.domain.media.audio;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link AudioInspector} read from an audio file: its format, the canonical media type, a positive duration,
 * and the sample rate and channel count where the format states them (0 where unknown).
 */
public record AudioInfo(AudioFormat format, String mimeType, Duration duration, int sampleRate, int channels) {
    public AudioInfo {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("An audio duration must be positive: " + duration);
        }
        if (sampleRate < 0 || channels < 0) {
            throw new IllegalArgumentException("Sample rate and channels are positive, or 0 when unknown");
        }
    }

    /** The info for {@code format} with its canonical media type. */
    public static AudioInfo of(AudioFormat format, Duration duration, int sampleRate, int channels) {
        return new AudioInfo(format, format.mimeType(), duration, sampleRate, channels);
    }

    /** The duration in whole milliseconds, rounded down, as Matrix's {@code info.duration} wants it. */
    public long durationMillis() {
        return duration.toMillis();
    }
}
