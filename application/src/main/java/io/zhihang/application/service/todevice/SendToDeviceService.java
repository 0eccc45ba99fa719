package io.zhihang.application.service.todevice;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.todevice.SendToDeviceCommand;
import io.zhihang.application.port.in.todevice.SendToDeviceUseCase;
import io.zhihang.application.port.out.todevice.DeviceInbox;
import io.zhihang.application.service.stream.SyncActivity;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.UserId;
import io.zhihang.domain.todevice.ToDeviceMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Puts to-device messages into the inboxes of local devices, all under one new position of the to-device stream, and
 * wakes the recipients' syncs. The stream lock is taken first, so a retried transaction id is seen even when the
 * retry races the original. Messages for remote users are dropped (no federation yet), with a debug log line.
 */
@ApplicationScoped
public class SendToDeviceService implements SendToDeviceUseCase {
    /** How long a transaction id is remembered (Synapse remembers its responses for 30 minutes). */
    public static final Duration TRANSACTION_RETENTION = Duration.ofDays(1);

    private static final System.Logger LOG = System.getLogger(SendToDeviceService.class.getName());

    private final DeviceInbox inbox;
    private final HomeserverSettings settings;
    private final InstantSource clock;
    private final Event<SyncActivity> syncActivity;

    public SendToDeviceService(DeviceInbox inbox, HomeserverSettings settings, InstantSource clock,
                               Event<SyncActivity> syncActivity) {
        this.inbox = inbox;
        this.settings = settings;
        this.clock = clock;
        this.syncActivity = syncActivity;
    }

    @Override
    @Transactional
    public void send(SendToDeviceCommand command) {
        Requester sender = command.requester();
        inbox.lockStream();
        if (!inbox.recordTxn(sender.userId().toString(), sender.deviceId().value(), command.txnId(), clock.instant())) {
            return; // a retry: the first request delivered everything
        }
        Map<String, ToDeviceMessages.Targets> local = new LinkedHashMap<>();
        command.messages().recipients().forEach((user, targets) -> {
            if (user.isLocalTo(settings.serverName())) {
                local.put(user.toString(), targets);
            } else {
                dropRemote(command.eventType(), user);
            }
        });
        if (local.isEmpty()) {
            return;
        }
        List<DeviceInbox.Delivery> deliveries = new ArrayList<>();
        inbox.devicesOf(local.keySet()).forEach((user, devices) -> {
            ToDeviceMessages.Targets targets = local.get(user);
            for (String device : devices) {
                String content = targets.allDevices() != null ? targets.allDevices() : targets.byDevice().get(device);
                if (content != null) {
                    deliveries.add(new DeviceInbox.Delivery(user, device, content));
                }
            }
        });
        if (deliveries.isEmpty()) {
            return; // unknown users and devices are ignored, as Synapse does
        }
        inbox.append(sender.userId().toString(), command.eventType(), deliveries);
        Set<String> recipients = deliveries.stream().map(DeviceInbox.Delivery::userId).collect(Collectors.toSet());
        syncActivity.fire(SyncActivity.ofUsers(recipients));
    }

    private static void dropRemote(String type, UserId user) {
        LOG.log(System.Logger.Level.DEBUG, "Dropping a to-device message of type {0} to {1}: no federation yet",
                type, user);
    }
}
