package io.zhihang.adapter.persistence.devicelist;

import io.zhihang.application.port.out.devicelist.DeviceListStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code device_list_changes} and its head row {@code device_list_stream_head}, in native SQL on the transaction's
 * entity manager. Taking a position updates the head row, whose lock is held until commit.
 */
@ApplicationScoped
public class SqlDeviceListStore implements DeviceListStore {
    private static final String EVERYONE = "";
    private static final String CHANGED_FOR = """
            SELECT DISTINCT c.user_id FROM device_list_changes c
             WHERE c.stream_id > ?1 AND c.stream_id <= ?2
               AND (c.audience = ?3
                    OR (c.audience = '' AND (c.user_id = ?3 OR c.user_id IN (
                        SELECT m.state_key FROM current_state m
                         WHERE m.type = 'm.room.member' AND m.membership = 'join'
                           AND m.room_id IN (SELECT v.room_id FROM current_state v
                                              WHERE v.state_key = ?3 AND v.type = 'm.room.member'
                                                AND v.membership = 'join')))))""";

    private final EntityManager em;

    SqlDeviceListStore(EntityManager em) {
        this.em = em;
    }

    @Override
    public long append(Collection<Change> changes) {
        em.createNativeQuery("UPDATE device_list_stream_head SET stream_id = stream_id + 1 WHERE id = 1")
                .executeUpdate();
        long position = ((Number) em.createNativeQuery("SELECT stream_id FROM device_list_stream_head WHERE id = 1")
                .getSingleResult()).longValue();
        Set<Change> distinct = new LinkedHashSet<>(changes);
        for (Change change : distinct) {
            em.createNativeQuery("INSERT INTO device_list_changes (stream_id, user_id, audience) VALUES (?1, ?2, ?3)")
                    .setParameter(1, position)
                    .setParameter(2, change.userId())
                    .setParameter(3, change.audience() == null ? EVERYONE : change.audience())
                    .executeUpdate();
        }
        return position;
    }

    @Override
    public Set<String> changedFor(String viewer, long since, long upTo) {
        if (since >= upTo) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> users = em.createNativeQuery(CHANGED_FOR)
                .setParameter(1, since).setParameter(2, upTo).setParameter(3, viewer)
                .getResultList();
        return new LinkedHashSet<>(users);
    }
}
