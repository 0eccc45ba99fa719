package io.zhihang.application.port.in.maintenance;

/** Housekeeping the server runs on a schedule. */
public interface PurgeExpiredStateUseCase {
    /**
     * Deletes User-Interactive Authentication sessions past their lifetime and to-device transaction ids past their
     * retention, and media reservations that lapsed unused; returns nothing to the caller.
     */
    void purgeExpired();
}
