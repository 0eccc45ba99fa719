package io.zhihang.adapter.persistence.delayed;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.delayed.DelayedEventRepository;
import io.zhihang.domain.delayed.DelayedEvent;
import io.zhihang.domain.delayed.DelayedEventError;
import io.zhihang.domain.delayed.DelayedEventStatus;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Delayed events in plain JDBC, because the claim is exact SQL: {@code FOR UPDATE SKIP LOCKED} (PostgreSQL and H2
 * alike) lets every instance's scheduler pass over a row another one is sending, and the status condition on each
 * write turns any surprise into "not written" instead of a second send.
 */
@ApplicationScoped
public class JdbcDelayedEventRepository implements DelayedEventRepository {
    private static final String COLUMNS = """
            delay_id, user_id, device_id, txn_id, room_id, event_type, state_key, content, delay_ms,
            running_since_ts, status, finalised_ts, event_id, error""";
    private static final String INSERT = "INSERT INTO delayed_events (" + COLUMNS + ", send_ts)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String BY_TXN = "SELECT " + COLUMNS + " FROM delayed_events"
            + " WHERE user_id = ? AND device_id = ? AND txn_id = ?";
    private static final String OF_OWNER = "SELECT " + COLUMNS + " FROM delayed_events WHERE user_id = ?";
    private static final String SCHEDULED_OF = """
            SELECT COUNT(*), MIN(send_ts) FROM delayed_events WHERE user_id = ? AND status = 'scheduled'""";
    private static final String LOCK = "SELECT " + COLUMNS + " FROM delayed_events WHERE delay_id = ? FOR UPDATE";
    private static final String LOCK_IF_DUE = "SELECT " + COLUMNS + " FROM delayed_events"
            + " WHERE delay_id = ? AND status = 'scheduled' AND send_ts <= ? FOR UPDATE SKIP LOCKED";
    private static final String DUE = "SELECT " + COLUMNS + " FROM delayed_events"
            + " WHERE status = 'scheduled' AND send_ts <= ? ORDER BY send_ts LIMIT ?";
    private static final String UPDATE_SCHEDULED = """
            UPDATE delayed_events SET running_since_ts = ?, send_ts = ?, status = ?, finalised_ts = ?, event_id = ?,
                   error = ?
             WHERE delay_id = ? AND status = 'scheduled'""";
    private static final String DELETE_FINALISED = """
            DELETE FROM delayed_events WHERE status <> 'scheduled' AND finalised_ts < ?""";

    private final PlainSql sql;

    JdbcDelayedEventRepository(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public void insert(DelayedEvent e) {
        sql.update(INSERT, e.delayId(), e.owner().toString(), e.deviceId() == null ? null : e.deviceId().value(),
                e.txnId(), e.roomId(), e.type(), e.stateKey(), CanonicalJson.encode(e.content()),
                e.delay().toMillis(), e.runningSince().toEpochMilli(), e.status().wireName(), millis(e.finalisedAt()),
                e.eventId(), error(e.error()), e.sendAt().toEpochMilli());
    }

    @Override
    public Optional<DelayedEvent> findByTxn(UserId owner, DeviceId deviceId, String txnId) {
        return first(sql.list(BY_TXN, JdbcDelayedEventRepository::event, owner.toString(), deviceId.value(), txnId));
    }

    @Override
    public List<DelayedEvent> ofOwner(UserId owner, Collection<String> delayIds) {
        List<DelayedEvent> found = new ArrayList<>();
        if (delayIds.isEmpty()) {
            found.addAll(sql.list(OF_OWNER, JdbcDelayedEventRepository::event, owner.toString()));
        } else {
            for (List<String> chunk : PlainSql.chunks(delayIds)) {
                List<Object> params = new ArrayList<>(chunk.size() + 1);
                params.add(owner.toString());
                params.addAll(chunk);
                found.addAll(sql.list(OF_OWNER + " AND delay_id IN (" + PlainSql.placeholders(chunk.size()) + ")",
                        JdbcDelayedEventRepository::event, params.toArray()));
            }
        }
        found.sort(Comparator.comparing((DelayedEvent e) -> e.status().isFinalised())
                .thenComparing(e -> e.status().isFinalised() ? e.finalisedAt() : e.sendAt())
                .thenComparing(DelayedEvent::delayId));
        return found;
    }

    @Override
    public ScheduledCount scheduledOf(UserId owner) {
        return sql.list(SCHEDULED_OF, row -> new ScheduledCount(row.getInt(1),
                row.getObject(2) == null ? null : Instant.ofEpochMilli(row.getLong(2))), owner.toString()).getFirst();
    }

    @Override
    public Optional<DelayedEvent> lock(String delayId) {
        return first(sql.list(LOCK, JdbcDelayedEventRepository::event, delayId));
    }

    @Override
    public Optional<DelayedEvent> lockIfDue(String delayId, Instant now) {
        return first(sql.list(LOCK_IF_DUE, JdbcDelayedEventRepository::event, delayId, now.toEpochMilli()));
    }

    @Override
    public List<DelayedEvent> due(Instant now, int limit) {
        return sql.list(DUE, JdbcDelayedEventRepository::event, now.toEpochMilli(), limit);
    }

    @Override
    public boolean updateScheduled(DelayedEvent e) {
        return sql.update(UPDATE_SCHEDULED, e.runningSince().toEpochMilli(), e.sendAt().toEpochMilli(),
                e.status().wireName(), millis(e.finalisedAt()), e.eventId(), error(e.error()), e.delayId()) == 1;
    }

    @Override
    public int deleteFinalisedBefore(Instant cutoff) {
        return sql.update(DELETE_FINALISED, cutoff.toEpochMilli());
    }

    @Override
    public void forgetContentOf(String eventId) {
        sql.update("UPDATE delayed_events SET content = '{}' WHERE event_id = ?", eventId);
    }

    private static Optional<DelayedEvent> first(List<DelayedEvent> rows) {
        return rows.stream().findFirst();
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static String error(DelayedEventError error) {
        return error == null ? null : CanonicalJson.encode(JsonObject.builder()
                .put("errcode", error.errcode()).put("error", error.message()).build());
    }

    private static DelayedEvent event(ResultSet row) throws SQLException {
        String device = row.getString("device_id");
        long finalised = row.getLong("finalised_ts");
        Instant finalisedAt = row.wasNull() ? null : Instant.ofEpochMilli(finalised);
        String errorJson = row.getString("error");
        DelayedEventError error = null;
        if (errorJson != null) {
            JsonObject e = Json.parseObject(errorJson);
            error = new DelayedEventError(e.string("errcode").orElse("M_UNKNOWN"), e.string("error").orElse(""));
        }
        return new DelayedEvent(row.getString("delay_id"), UserId.parse(row.getString("user_id")),
                device == null ? null : new DeviceId(device), row.getString("txn_id"), row.getString("room_id"),
                row.getString("event_type"), row.getString("state_key"), Json.parseObject(row.getString("content")),
                Duration.ofMillis(row.getLong("delay_ms")), Instant.ofEpochMilli(row.getLong("running_since_ts")),
                DelayedEventStatus.fromWireName(row.getString("status")), finalisedAt, row.getString("event_id"),
                error);
    }
}
