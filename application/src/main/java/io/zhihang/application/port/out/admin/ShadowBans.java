package io.zhihang.application.port.out.admin;

import io.zhihang.domain.shared.UserId;

import java.time.Instant;

/** Users a server admin shadow-banned: their room messages are acknowledged but never stored nor delivered. */
public interface ShadowBans {
    boolean isShadowBanned(UserId userId);

    void ban(UserId userId, Instant at);

    void unban(UserId userId);
}
