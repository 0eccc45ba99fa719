package io.zhihang.application.service.maintenance;

import io.zhihang.application.port.in.maintenance.PurgeExpiredStateUseCase;
import io.zhihang.application.port.out.OpenIdTokenStore;
import io.zhihang.application.port.out.UiaSessionStore;
import io.zhihang.application.port.out.media.MediaRepository;
import io.zhihang.application.port.out.todevice.DeviceInbox;
import io.zhihang.application.service.todevice.SendToDeviceService;
import io.zhihang.domain.auth.UiaSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.InstantSource;

@ApplicationScoped
public class MaintenanceService implements PurgeExpiredStateUseCase {
    private final UiaSessionStore uiaSessions;
    private final DeviceInbox deviceInbox;
    private final MediaRepository media;
    private final OpenIdTokenStore openIdTokens;
    private final InstantSource clock;

    public MaintenanceService(UiaSessionStore uiaSessions, DeviceInbox deviceInbox, MediaRepository media,
                              OpenIdTokenStore openIdTokens, InstantSource clock) {
        this.uiaSessions = uiaSessions;
        this.deviceInbox = deviceInbox;
        this.media = media;
        this.openIdTokens = openIdTokens;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void purgeExpired() {
        Instant now = clock.instant();
        uiaSessions.deleteCreatedBefore(now.minus(UiaSession.LIFETIME));
        deviceInbox.deleteTxnsBefore(now.minus(SendToDeviceService.TRANSACTION_RETENTION));
        media.deleteLapsed(now);
        openIdTokens.deleteExpiredBefore(now);
    }
}
