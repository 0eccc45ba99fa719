package io.zhihang.domain.voice;

import java.time.Duration;

/** A user's voice messages in sum: how many, how long together, how many bytes. */
public record VoiceStats(long count, Duration totalDuration, long totalBytes) {
}
