package io.zhihang.application.service.room;

import io.zhihang.application.port.out.userdata.AccountDataRepository;
import io.zhihang.domain.userdata.IgnoredUsers;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a user's ignore list ({@code m.ignored_user_list} account data): one read, to be made once per request and
 * applied in memory to every event the request returns.
 */
@ApplicationScoped
public class IgnoreLists {
    private final AccountDataRepository accountData;

    public IgnoreLists(AccountDataRepository accountData) {
        this.accountData = accountData;
    }

    public IgnoredUsers of(String userId) {
        return accountData.find(userId, null, IgnoredUsers.TYPE).map(IgnoredUsers::of).orElse(IgnoredUsers.NONE);
    }
}
