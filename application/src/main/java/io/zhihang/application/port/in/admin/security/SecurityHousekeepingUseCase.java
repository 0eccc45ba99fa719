package io.zhihang.application.port.in.admin.security;

/** What the server runs on a schedule for the security tools. */
public interface SecurityHousekeepingUseCase {
    /** Deletes security events older than the retention, and blocks that have expired. */
    void purgeOld();

    /** Reloads the blocks from the database (blocks made on other instances; at startup). */
    void refreshBlocks();
}
