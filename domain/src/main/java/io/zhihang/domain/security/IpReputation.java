package io.zhihang.domain.security;

/**
 * The reputation of an address, from its recent security events: {@code score} starts at 100 (nothing against it)
 * and falls by 8 per failed login or UIA failure in the last hour, by 2 more per failed login or UIA failure in the
 * last day (the last hour included), and by 2 per rate-limited request in the last hour, never below 0. {@code risk}
 * is {@code 100 - score}: it rises with failed logins.
 */
public record IpReputation(int score, Counts lastHour, Counts lastDay) {
    /** The counts of one period. */
    public record Counts(long failedLogins, long uiaFailures, long rateLimited, long blockedRequests) {
    }

    public static IpReputation of(Counts lastHour, Counts lastDay) {
        long penalty = 8 * (lastHour.failedLogins() + lastHour.uiaFailures())
                + 2 * (lastDay.failedLogins() + lastDay.uiaFailures())
                + 2 * lastHour.rateLimited();
        return new IpReputation((int) Math.max(0, 100 - Math.min(100, penalty)), lastHour, lastDay);
    }

    public int risk() {
        return 100 - score;
    }

    /** Whether an address this bad is blocked automatically, when automatic blocking is on ({@code threshold > 0}). */
    public boolean warrantsAutoBlock(int threshold) {
        return threshold > 0 && score <= threshold;
    }
}
