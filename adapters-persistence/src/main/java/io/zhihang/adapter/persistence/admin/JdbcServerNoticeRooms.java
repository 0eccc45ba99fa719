package io.zhihang.adapter.persistence.admin;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.admin.ServerNoticeRooms;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.util.Optional;

/**
 * The {@code server_notice_rooms} table in plain JDBC; its one writer. A user's row is replaced under the user's row
 * lock (the notice service holds it), so update-then-insert cannot race.
 */
@ApplicationScoped
public class JdbcServerNoticeRooms implements ServerNoticeRooms {
    private final PlainSql sql;

    JdbcServerNoticeRooms(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public Optional<String> roomOf(UserId user) {
        return sql.list("SELECT room_id FROM server_notice_rooms WHERE user_id = ?", row -> row.getString(1),
                user.toString()).stream().findFirst();
    }

    @Override
    public void remember(UserId user, String roomId) {
        if (sql.update("UPDATE server_notice_rooms SET room_id = ? WHERE user_id = ?", roomId, user.toString()) == 0) {
            sql.update("INSERT INTO server_notice_rooms (user_id, room_id) VALUES (?, ?)", user.toString(), roomId);
        }
    }
}
