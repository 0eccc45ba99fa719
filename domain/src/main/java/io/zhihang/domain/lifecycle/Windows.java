package io.zhihang.domain.lifecycle;

import java.time.Duration;

/** Windows and counts in words, for refusal messages ("24 hours", "90 minutes", "5 times"). */
final class Windows {
    private Windows() {
    }

    static String describe(Duration window) {
        if (!window.isZero() && window.toSecondsPart() == 0 && window.toNanosPart() == 0) {
            if (window.toMinutesPart() == 0) {
                return plural(window.toHours(), "hour");
            }
            return plural(window.toMinutes(), "minute");
        }
        return window.toString();
    }

    static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
