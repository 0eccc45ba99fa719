package io.zhihang.application.port.in.maintenance;

/** Housekeeping the server runs on a schedule. */
public interface PurgeExpiredStateUseCase {
    /** Deletes User-Interactive Authentication sessions past their lifetime; returns nothing to the caller. */
    void purgeExpired();
}
