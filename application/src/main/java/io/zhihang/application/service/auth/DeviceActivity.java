package io.zhihang.application.service.auth;

import io.zhihang.application.port.in.maintenance.FlushDeviceActivityUseCase;
import io.zhihang.application.port.out.DeviceRepository;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Last-seen address and time of each device, as {@code GET /devices} shows them. Noting costs a map write per
 * request; the database gets one write per active device per flush, like Synapse's batched client-IP updates.
 */
@ApplicationScoped
public class DeviceActivity implements FlushDeviceActivityUseCase {
    private final Map<Key, Seen> pending = new ConcurrentHashMap<>();
    private final DeviceRepository devices;

    public DeviceActivity(DeviceRepository devices) {
        this.devices = devices;
    }

    public void note(UserId userId, DeviceId deviceId, String ip, Instant now) {
        pending.put(new Key(userId, deviceId), new Seen(ip, now));
    }

    @Override
    @Transactional
    public void flushDeviceActivity() {
        for (var entry : pending.entrySet()) {
            Key key = entry.getKey();
            Seen seen = entry.getValue();
            if (pending.remove(key, seen)) {
                devices.find(key.userId(), key.deviceId()).ifPresent(device -> devices.save(
                        device.seen(seen.ip() == null ? device.lastSeenIp() : seen.ip(), seen.at())));
            }
        }
    }

    private record Key(UserId userId, DeviceId deviceId) {
    }

    private record Seen(String ip, Instant at) {
    }
}
