package io.zhihang.domain.media.audio;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** Little helpers for reading fixed-width fields out of byte arrays, shared by the format readers. */
final class Bytes {
    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

    private Bytes() {
    }

    static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    static int u16le(byte[] b, int i) {
        return u8(b, i) | u8(b, i + 1) << 8;
    }

    static long u32le(byte[] b, int i) {
        return (u16le(b, i) | (long) u16le(b, i + 2) << 16) & 0xFFFF_FFFFL;
    }

    static long s64le(byte[] b, int i) {
        return u32le(b, i) | u32le(b, i + 4) << 32;
    }

    static int u16be(byte[] b, int i) {
        return u8(b, i) << 8 | u8(b, i + 1);
    }

    static int u24be(byte[] b, int i) {
        return u8(b, i) << 16 | u16be(b, i + 1);
    }

    static long u32be(byte[] b, int i) {
        return ((long) u16be(b, i) << 16 | u16be(b, i + 2)) & 0xFFFF_FFFFL;
    }

    static long s64be(byte[] b, int i) {
        return u32be(b, i) << 32 | u32be(b, i + 4);
    }

    /** Whether {@code b} holds the ASCII text {@code ascii} at {@code i} (false when it is too short). */
    static boolean ascii(byte[] b, int i, String ascii) {
        byte[] expected = ascii.getBytes(StandardCharsets.US_ASCII);
        if (i < 0 || i + expected.length > b.length) {
            return false;
        }
        for (int k = 0; k < expected.length; k++) {
            if (b[i + k] != expected[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code units / perSecond} seconds, exact to the nanosecond (rounded down), or empty unless both are positive.
     * Units are samples, bytes or a media timescale's ticks.
     */
    static Optional<Duration> duration(long units, long perSecond) {
        if (units <= 0 || perSecond <= 0) {
            return Optional.empty();
        }
        long seconds = units / perSecond;
        long rest = units % perSecond;
        long nanos = BigInteger.valueOf(rest).multiply(NANOS_PER_SECOND).divide(BigInteger.valueOf(perSecond))
                .longValue();
        return Optional.of(Duration.ofSeconds(seconds, nanos));
    }
}
