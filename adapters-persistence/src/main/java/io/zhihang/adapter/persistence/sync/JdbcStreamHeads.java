package io.zhihang.adapter.persistence.sync;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.application.port.out.sync.StreamHeads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The stream heads in one statement (a sync reads them before every response). */
@ApplicationScoped
public class JdbcStreamHeads implements StreamHeads {
    private static final String HEADS = """
            SELECT (SELECT last_position FROM userdata_streams WHERE stream = 'account_data'),
                   (SELECT last_position FROM userdata_streams WHERE stream = 'receipts'),
                   (SELECT stream_id FROM presence_stream_head WHERE id = 1),
                   (SELECT version FROM push_rules WHERE user_id = ?),
                   (SELECT stream_id FROM to_device_stream_head WHERE id = 1),
                   (SELECT stream_id FROM device_list_stream_head WHERE id = 1)""";

    private final AgroalDataSource dataSource;

    JdbcStreamHeads(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.dataSource = dataSources.select(new DataSource.DataSourceLiteral(unit.dataSourceName())).get();
    }

    @Override
    public Heads read(String userId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(HEADS)) {
            s.setString(1, userId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new Heads(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5),
                        r.getLong(6));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the stream heads", e);
        }
    }
}
