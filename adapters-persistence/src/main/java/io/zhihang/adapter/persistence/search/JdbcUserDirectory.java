package io.zhihang.adapter.persistence.search;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.application.port.out.search.UserDirectory;
import io.zhihang.domain.search.NameSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The user directory as one query over {@code users}, {@code profiles}, the members in {@code current_state}, the
 * published flag of {@code rooms} and {@code room_join_rules} (join rule and history visibility); the same SQL on H2 and PostgreSQL. A name's words are
 * found with {@code LIKE '% term%'} after punctuation is turned into spaces, so a term matches the start of a word.
 */
@ApplicationScoped
public class JdbcUserDirectory implements UserDirectory {
    /** ASCII punctuation, each turned into a space by {@code TRANSLATE}: it separates words, as in SearchText. */
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\t\n\r";
    private static final String SPACES = " ".repeat(PUNCTUATION.length());
    private static final String LOCALPART_WORDS =
            "' ' || TRANSLATE(LOWER(SUBSTRING(u.user_id, 2, POSITION(':' IN u.user_id) - 2)), ?, ?)";
    private static final String NAME_WORDS = "' ' || TRANSLATE(LOWER(COALESCE(p.displayname, '')), ?, ?)";
    private static final String SELECT = """
            SELECT u.user_id, p.displayname, p.avatar_url
              FROM users u LEFT JOIN profiles p ON p.user_id = u.user_id
             WHERE u.deactivated = FALSE
               AND EXISTS (SELECT 1 FROM current_state m
                            WHERE m.state_key = u.user_id AND m.type = 'm.room.member' AND m.membership = 'join'
                              AND (m.room_id IN (SELECT mine.room_id FROM current_state mine
                                                  WHERE mine.state_key = ? AND mine.type = 'm.room.member'
                                                    AND mine.membership = 'join')
                                   OR m.room_id IN (SELECT r.room_id FROM rooms r WHERE r.published = TRUE)
                                   OR m.room_id IN (SELECT j.room_id FROM room_join_rules j
                                                     WHERE j.join_rule = 'public'
                                                        OR j.history_visibility = 'world_readable')))""";
    private static final String ORDER = """
             ORDER BY CASE WHEN p.displayname IS NULL THEN 1 ELSE 0 END,
                      CASE WHEN p.avatar_url IS NULL THEN 1 ELSE 0 END, LOWER(p.displayname), u.user_id
             LIMIT ?""";

    private final AgroalDataSource dataSource;

    JdbcUserDirectory(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.dataSource = dataSources.select(new DataSource.DataSourceLiteral(unit.dataSourceName())).get();
    }

    @Override
    public void joinRuleChanged(String roomId, String joinRule) {
        record(roomId, "join_rule", joinRule);
    }

    @Override
    public void historyVisibilityChanged(String roomId, String historyVisibility) {
        record(roomId, "history_visibility", historyVisibility);
    }

    /** Sets one column of the room's row ({@code column} is one of two constants, never client input). */
    private void record(String roomId, String column, String value) {
        try (Connection c = dataSource.getConnection()) {
            // The caller holds the room's lock, so no one else writes this row meanwhile.
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE room_join_rules SET " + column + " = ? WHERE room_id = ?")) {
                update.setString(1, value);
                update.setString(2, roomId);
                if (update.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO room_join_rules (room_id, " + column + ") VALUES (?, ?)")) {
                insert.setString(1, roomId);
                insert.setString(2, value);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the " + column + " of " + roomId, e);
        }
    }

    @Override
    public List<Entry> search(String searcherId, NameSearch search, int limit) {
        StringBuilder sql = new StringBuilder(SELECT);
        List<String> params = new ArrayList<>();
        params.add(searcherId);
        for (String term : search.terms()) {
            if (NameSearch.isIdeographic(term)) {
                sql.append("\n   AND LOWER(COALESCE(p.displayname, '')) LIKE ?");
                params.add("%" + term + "%");
            } else {
                sql.append("\n   AND (").append(LOCALPART_WORDS).append(" LIKE ? OR ").append(NAME_WORDS)
                        .append(" LIKE ?)");
                params.addAll(List.of(PUNCTUATION, SPACES, "% " + term + "%", PUNCTUATION, SPACES,
                        "% " + term + "%"));
            }
        }
        sql.append(ORDER);
        List<Entry> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (String param : params) {
                s.setString(i++, param);
            }
            s.setInt(i, limit);
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    found.add(new Entry(row.getString(1), row.getString(2), row.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not search the user directory", e);
        }
        return found;
    }
}
