package io.zhihang.application.fakes;

import io.zhihang.application.port.out.DeviceRepository;
import io.zhihang.application.port.out.todevice.DeviceInbox;
import io.zhihang.domain.account.Device;
import io.zhihang.domain.shared.UserId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Inboxes in a list, the devices from a {@link DeviceRepository}, for tests (single-threaded: the lock is a no-op). */
public class InMemoryDeviceInbox implements DeviceInbox {
    private record Row(String userId, String deviceId, Stored message) {
    }

    private final DeviceRepository devices;
    private final List<Row> rows = new ArrayList<>();
    private final Map<List<String>, Instant> txns = new HashMap<>();
    private long head;
    private int pendingQueries;
    private int deletions;

    public InMemoryDeviceInbox(DeviceRepository devices) {
        this.devices = devices;
    }

    public synchronized long position() {
        return head;
    }

    /** Every waiting message of every device, for assertions. */
    public synchronized int size() {
        return rows.size();
    }

    public synchronized int txnCount() {
        return txns.size();
    }

    /** How often {@link #pending} was asked (a sync that knows better asks nothing). */
    public synchronized int pendingQueries() {
        return pendingQueries;
    }

    /** How often {@link #deleteUpTo} was called. */
    public synchronized int deletions() {
        return deletions;
    }

    @Override
    public void lockStream() {
        // one thread at a time in tests
    }

    @Override
    public synchronized boolean recordTxn(String userId, String deviceId, String txnId, Instant now) {
        return txns.putIfAbsent(List.of(userId, deviceId, txnId), now) == null;
    }

    @Override
    public Map<String, List<String>> devicesOf(Collection<String> userIds) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String user : userIds) {
            List<String> ids = devices.listFor(UserId.parse(user)).stream().map(Device::deviceId)
                    .map(d -> d.value()).toList();
            if (!ids.isEmpty()) {
                out.put(user, ids);
            }
        }
        return out;
    }

    @Override
    public synchronized long append(String sender, String type, List<Delivery> deliveries) {
        head++;
        for (Delivery d : deliveries) {
            rows.add(new Row(d.userId(), d.deviceId(), new Stored(head, sender, type, d.content())));
        }
        return head;
    }

    @Override
    public synchronized List<Stored> pending(String userId, String deviceId, long after, long upTo, int limit) {
        pendingQueries++;
        return rows.stream().filter(r -> r.userId.equals(userId) && r.deviceId.equals(deviceId))
                .map(Row::message).filter(m -> m.position() > after && m.position() <= upTo)
                .limit(limit).toList();
    }

    @Override
    public synchronized void deleteUpTo(String userId, String deviceId, long upTo) {
        deletions++;
        rows.removeIf(r -> r.userId.equals(userId) && r.deviceId.equals(deviceId) && r.message.position() <= upTo);
    }

    @Override
    public synchronized void deleteDevices(String userId, Collection<String> deviceIds) {
        rows.removeIf(r -> r.userId.equals(userId) && deviceIds.contains(r.deviceId));
        txns.keySet().removeIf(k -> k.get(0).equals(userId) && deviceIds.contains(k.get(1)));
    }

    @Override
    public synchronized void deleteTxnsBefore(Instant cutoff) {
        txns.values().removeIf(at -> at.isBefore(cutoff));
    }
}
