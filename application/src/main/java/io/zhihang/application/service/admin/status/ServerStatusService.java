package io.zhihang.application.service.admin.status;

import io.zhihang.application.config.ServerNoticeSettings;
import io.zhihang.application.port.in.admin.status.ServerStatus;
import io.zhihang.application.port.in.admin.status.ServerStatusQuery;
import io.zhihang.application.port.out.admin.ServerCounts;
import io.zhihang.domain.auth.Requester;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The admin status page's counts; the server-notices system user is not counted among the users. */
@ApplicationScoped
public class ServerStatusService implements ServerStatusQuery {
    private final ServerCounts counts;
    private final ServerNoticeSettings notices;

    public ServerStatusService(ServerCounts counts, ServerNoticeSettings notices) {
        this.counts = counts;
        this.notices = notices;
    }

    @Override
    @Transactional
    public ServerStatus status(Requester admin) {
        admin.ensureAdmin();
        return new ServerStatus(counts.activeUsers(notices.systemUser()), counts.rooms());
    }
}
