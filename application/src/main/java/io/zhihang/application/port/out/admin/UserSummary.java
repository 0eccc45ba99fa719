package io.zhihang.application.port.out.admin;

import io.zhihang.domain.shared.UserId;

import java.time.Instant;

/** What the admin API shows of a local account: its flags, profile and when it was created and last seen. */
public record UserSummary(UserId userId, boolean guest, boolean admin, boolean deactivated, boolean shadowBanned,
                          boolean erased, String displayName, String avatarUrl, Instant createdAt, Instant lastSeen) {
}
