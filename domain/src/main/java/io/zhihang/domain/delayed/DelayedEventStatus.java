package io.zhihang.domain.delayed;

/**
 * Where a delayed event is in its life: waiting for its send time, or finalised one of three ways. Only
 * {@link #SCHEDULED} ones may still be sent, restarted or cancelled.
 */
public enum DelayedEventStatus {
    SCHEDULED("scheduled"),
    /** Sent into the room, by the scheduler at the due time or by the owner's {@code send} action. */
    SENT("sent"),
    /** Cancelled by the owner; never sent. */
    CANCELLED("cancelled"),
    /** Sending at the due time was refused (the owner left the room, lost the power to send it, …); not retried. */
    FAILED("failed");

    private final String wireName;

    DelayedEventStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The stored name ({@code scheduled}, {@code sent}, {@code cancelled}, {@code failed}). */
    public String wireName() {
        return wireName;
    }

    public boolean isFinalised() {
        return this != SCHEDULED;
    }

    public static DelayedEventStatus fromWireName(String name) {
        for (DelayedEventStatus status : values()) {
            if (status.wireName.equals(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown delayed event status " + name);
    }
}
