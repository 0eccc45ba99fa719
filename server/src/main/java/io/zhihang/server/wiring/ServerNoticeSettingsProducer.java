package io.zhihang.server.wiring;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.config.ServerNoticeSettings;
import io.zhihang.domain.shared.UserId;
import io.zhihang.server.config.HomeserverConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** {@code zhihang.server-notices.*}: the system user is {@code @<system-user>:<server name>}. */
public class ServerNoticeSettingsProducer {

    @Produces
    @Singleton
    ServerNoticeSettings serverNoticeSettings(HomeserverConfig config, HomeserverSettings homeserver) {
        HomeserverConfig.ServerNotices notices = config.serverNotices();
        UserId systemUser = UserId.parse("@" + notices.systemUser() + ":" + homeserver.serverName().value());
        return new ServerNoticeSettings(notices.enabled(), systemUser, notices.displayName(),
                notices.avatarUrl().filter(url -> !url.isBlank()).orElse(null), notices.roomName());
    }
}
