package io.zhihang.application.port.out.admin;

import io.zhihang.domain.shared.UserId;

import java.util.List;
import java.util.Optional;

/** Read-only view of local accounts for the admin API (accounts, profiles, erasures, shadow bans, devices). */
public interface AdminUserDirectory {
    Optional<UserSummary> find(UserId userId);

    /** One page and the number of accounts the filters match. */
    Page list(UserListing listing);

    record Page(List<UserSummary> users, long total) {
    }
}
