package io.zhihang.application.service.todevice;

import io.zhihang.application.port.in.todevice.ToDeviceBatch;
import io.zhihang.application.port.in.todevice.ToDeviceSyncUseCase;
import io.zhihang.application.port.out.AfterCommit;
import io.zhihang.application.port.out.todevice.DeviceInbox;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * A device's inbox as sync reads it: delivers in position order, at most {@link #LIMIT} a time, and deletes what a
 * later token acknowledges. An inbox known to be empty up to the positions asked for costs no query
 * ({@link EmptyInboxes}), so an idle device's sync stays free while other devices receive messages.
 */
@ApplicationScoped
public class ToDeviceSyncService implements ToDeviceSyncUseCase {
    private final DeviceInbox inbox;
    private final AfterCommit afterCommit;
    private final EmptyInboxes empty = new EmptyInboxes();

    public ToDeviceSyncService(DeviceInbox inbox, AfterCommit afterCommit) {
        this.inbox = inbox;
        this.afterCommit = afterCommit;
    }

    @Override
    @Transactional
    public ToDeviceBatch pending(Requester requester, long after, long upTo) {
        String userId = requester.userId().toString();
        String deviceId = requester.deviceId().value();
        long knownEmpty = empty.upTo(userId, deviceId);
        if (upTo <= Math.max(after, knownEmpty)) {
            return new ToDeviceBatch(List.of(), upTo);
        }
        List<DeviceInbox.Stored> stored = inbox.pending(userId, deviceId, after, upTo, LIMIT);
        if (stored.isEmpty()) {
            if (knownEmpty >= after) {
                empty.advance(userId, deviceId, upTo); // nothing up to `after` either: empty up to `upTo`
            }
            return new ToDeviceBatch(List.of(), upTo);
        }
        long position = stored.size() == LIMIT ? stored.getLast().position() : upTo;
        return new ToDeviceBatch(stored.stream().map(ToDeviceSyncService::event).toList(), position);
    }

    @Override
    @Transactional
    public void acknowledge(Requester requester, long upTo) {
        String userId = requester.userId().toString();
        String deviceId = requester.deviceId().value();
        if (upTo <= empty.upTo(userId, deviceId)) {
            return;
        }
        inbox.deleteUpTo(userId, deviceId, upTo);
        afterCommit.register(() -> empty.advance(userId, deviceId, upTo), () -> {
        });
    }

    private static JsonObject event(DeviceInbox.Stored message) {
        return JsonObject.builder().put("sender", message.sender()).put("type", message.type())
                .put("content", Json.parseClientData(message.content())).build();
    }
}
