package io.zhihang.application.port.out.admin;

import io.zhihang.domain.shared.UserId;

/** What the server holds, counted for the admin status page. */
public interface ServerCounts {
    /** Accounts that are not deactivated, leaving out {@code except} (the server-notices system user). */
    long activeUsers(UserId except);

    /** Rooms the server knows (deleted and purged rooms are gone from it). */
    long rooms();
}
