package io.zhihang.adapter.persistence.room;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.room.RoomCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.util.List;

/** Reads the {@code rooms} table's ids for the admin room list. */
@ApplicationScoped
public class JdbcRoomCatalog implements RoomCatalog {
    private final PlainSql sql;

    JdbcRoomCatalog(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public List<String> allRoomIds() {
        return sql.list("SELECT room_id FROM rooms ORDER BY room_id", row -> row.getString(1));
    }
}
