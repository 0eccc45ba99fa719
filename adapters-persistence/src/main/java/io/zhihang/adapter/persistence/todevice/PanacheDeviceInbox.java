package io.zhihang.adapter.persistence.todevice;

import io.zhihang.application.port.out.todevice.DeviceInbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inboxes in {@code device_inbox}, transaction ids in {@code to_device_txns}, and the stream's head row
 * {@code to_device_stream_head}: {@link #lockStream} locks that row ({@code SELECT … FOR UPDATE}, on H2 and PostgreSQL
 * alike and across server instances) until the transaction ends, so positions commit in the order they are taken.
 */
@ApplicationScoped
public class PanacheDeviceInbox implements DeviceInbox {
    /** Users per query when looking up devices (well inside every driver's parameter limit). */
    private static final int USERS_PER_QUERY = 500;

    private final DeviceInboxPanacheRepo messages;
    private final ToDeviceTxnPanacheRepo txns;

    PanacheDeviceInbox(DeviceInboxPanacheRepo messages, ToDeviceTxnPanacheRepo txns) {
        this.messages = messages;
        this.txns = txns;
    }

    @Override
    public void lockStream() {
        em().createNativeQuery("SELECT stream_id FROM to_device_stream_head WHERE id = 1 FOR UPDATE")
                .getSingleResult();
    }

    @Override
    public boolean recordTxn(String userId, String deviceId, String txnId, Instant now) {
        if (txns.findByIdOptional(new ToDeviceTxnKey(userId, deviceId, txnId)).isPresent()) {
            return false;
        }
        ToDeviceTxnEntity e = new ToDeviceTxnEntity();
        e.userId = userId;
        e.deviceId = deviceId;
        e.txnId = txnId;
        e.createdAt = now;
        txns.persist(e);
        return true;
    }

    @Override
    public Map<String, List<String>> devicesOf(Collection<String> userIds) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> all = List.copyOf(userIds);
        for (int i = 0; i < all.size(); i += USERS_PER_QUERY) {
            em().createQuery("select d.userId, d.deviceId from DeviceEntity d where d.userId in :users",
                            Object[].class)
                    .setParameter("users", all.subList(i, Math.min(all.size(), i + USERS_PER_QUERY)))
                    .getResultStream()
                    .forEach(row -> out.computeIfAbsent((String) row[0], u -> new ArrayList<>()).add((String) row[1]));
        }
        return out;
    }

    @Override
    public long append(String sender, String type, List<Delivery> deliveries) {
        em().createNativeQuery("UPDATE to_device_stream_head SET stream_id = stream_id + 1 WHERE id = 1")
                .executeUpdate();
        long position = ((Number) em().createNativeQuery("SELECT stream_id FROM to_device_stream_head WHERE id = 1")
                .getSingleResult()).longValue();
        for (Delivery d : deliveries) {
            DeviceInboxEntity e = new DeviceInboxEntity();
            e.userId = d.userId();
            e.deviceId = d.deviceId();
            e.streamId = position;
            e.sender = sender;
            e.type = type;
            e.content = d.content();
            messages.persist(e);
        }
        return position;
    }

    @Override
    public List<Stored> pending(String userId, String deviceId, long after, long upTo, int limit) {
        return messages.find("userId = ?1 and deviceId = ?2 and streamId > ?3 and streamId <= ?4 order by streamId",
                        userId, deviceId, after, upTo)
                .range(0, limit - 1).list().stream()
                .map(e -> new Stored(e.streamId, e.sender, e.type, e.content)).toList();
    }

    @Override
    public void deleteUpTo(String userId, String deviceId, long upTo) {
        messages.delete("userId = ?1 and deviceId = ?2 and streamId <= ?3", userId, deviceId, upTo);
    }

    @Override
    public void deleteDevices(String userId, Collection<String> deviceIds) {
        messages.delete("userId = ?1 and deviceId in ?2", userId, List.copyOf(deviceIds));
        txns.delete("userId = ?1 and deviceId in ?2", userId, List.copyOf(deviceIds));
    }

    @Override
    public void deleteTxnsBefore(Instant cutoff) {
        txns.delete("createdAt < ?1", cutoff);
    }

    private EntityManager em() {
        return messages.getEntityManager();
    }
}
