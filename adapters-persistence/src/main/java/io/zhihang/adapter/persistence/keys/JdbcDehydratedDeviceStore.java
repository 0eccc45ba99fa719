package io.zhihang.adapter.persistence.keys;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.dehydrated.DehydratedDeviceStore;
import io.zhihang.domain.account.Device;
import io.zhihang.domain.dehydrated.DehydratedDevice;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Dehydrated devices in plain JDBC on the transaction's connection, like the keys they come with: the old device's
 * deletion and the new device's row reach the database in the order of the calls (Hibernate would insert before it
 * deletes within one flush, which breaks a retried upload under the same device id), and the key upload that
 * follows, also plain JDBC, finds the new row.
 */
@ApplicationScoped
public class JdbcDehydratedDeviceStore implements DehydratedDeviceStore {
    private static final String LOCK_USER = "SELECT user_id FROM users WHERE user_id = ? FOR UPDATE";
    private static final String FIND = "SELECT device_id, device_data FROM dehydrated_devices WHERE user_id = ?";
    private static final String DEVICE = "SELECT device_id FROM devices WHERE user_id = ? AND device_id = ?";
    private static final String INSERT_DEVICE = """
            INSERT INTO devices (user_id, device_id, display_name) VALUES (?, ?, ?)""";
    private static final String INSERT = """
            INSERT INTO dehydrated_devices (user_id, device_id, device_data) VALUES (?, ?, ?)""";
    private static final String DELETE_DEVICE = "DELETE FROM devices WHERE user_id = ? AND device_id = ?";
    private static final String FORGET = "DELETE FROM dehydrated_devices WHERE user_id = ? AND device_id = ?";

    private final PlainSql sql;

    JdbcDehydratedDeviceStore(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public void lockUser(UserId user) {
        sql.list(LOCK_USER, r -> r.getString(1), user.toString());
    }

    @Override
    public Optional<DehydratedDevice> find(UserId user) {
        return sql.list(FIND, r -> new DehydratedDevice(new DeviceId(r.getString(1)), Json.parseObject(r.getString(2))),
                user.toString()).stream().findFirst();
    }

    @Override
    public boolean deviceExists(UserId user, DeviceId device) {
        return !sql.list(DEVICE, r -> r.getString(1), user.toString(), device.value()).isEmpty();
    }

    @Override
    public void create(Device device, DehydratedDevice dehydrated) {
        sql.update(INSERT_DEVICE, device.userId().toString(), device.deviceId().value(), device.displayName());
        sql.update(INSERT, device.userId().toString(), dehydrated.device().value(),
                CanonicalJson.encode(dehydrated.data()));
    }

    @Override
    public void delete(UserId user, DeviceId device) {
        sql.update(FORGET, user.toString(), device.value());
        sql.update(DELETE_DEVICE, user.toString(), device.value());
    }

    @Override
    public void forget(UserId user, Collection<DeviceId> devices) {
        for (DeviceId device : List.copyOf(devices)) {
            sql.update(FORGET, user.toString(), device.value());
        }
    }
}
