package io.zhihang.application.service.device;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.device.WhoisQueries;
import io.zhihang.application.port.out.DeviceRepository;
import io.zhihang.domain.account.Device;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** Synapse's {@code WhoisRestServlet}: server admins may look anyone local up, users themselves. */
@ApplicationScoped
public class WhoisService implements WhoisQueries {
    private final DeviceRepository devices;
    private final HomeserverSettings settings;

    public WhoisService(DeviceRepository devices, HomeserverSettings settings) {
        this.devices = devices;
        this.settings = settings;
    }

    @Override
    @Transactional
    public List<Device> whois(Requester requester, UserId userId) {
        if (!requester.userId().equals(userId) && !requester.admin()) {
            throw DomainException.forbidden("You are not a server admin");
        }
        if (!userId.isLocalTo(settings.serverName())) {
            throw DomainException.invalidParam("Can only whois a local user");
        }
        return devices.listFor(userId);
    }
}
