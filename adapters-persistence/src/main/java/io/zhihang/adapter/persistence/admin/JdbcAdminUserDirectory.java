package io.zhihang.adapter.persistence.admin;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.admin.AdminUserDirectory;
import io.zhihang.application.port.out.admin.UserListing;
import io.zhihang.application.port.out.admin.UserSummary;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The admin API's read of local accounts, as Synapse's {@code get_users_paginate}: one query over {@code users} with
 * the profile, the erasure, the shadow ban and the newest device activity joined in. Reads only; each of those
 * tables keeps its own writer.
 */
@ApplicationScoped
public class JdbcAdminUserDirectory implements AdminUserDirectory {
    private static final String SELECT = """
            SELECT u.user_id, u.guest, u.admin, u.deactivated,
                   CASE WHEN sb.user_id IS NULL THEN FALSE ELSE TRUE END,
                   CASE WHEN eu.user_id IS NULL THEN FALSE ELSE TRUE END,
                   p.displayname, p.avatar_url, u.created_at,
                   (SELECT MAX(d.last_seen_ts) FROM devices d WHERE d.user_id = u.user_id)
            """;
    private static final String FROM = """
              FROM users u
              LEFT JOIN profiles p ON p.user_id = u.user_id
              LEFT JOIN erased_users eu ON eu.user_id = u.user_id
              LEFT JOIN shadow_banned_users sb ON sb.user_id = u.user_id
            """;

    private final PlainSql sql;

    JdbcAdminUserDirectory(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public Optional<UserSummary> find(UserId userId) {
        return sql.list(SELECT + FROM + " WHERE u.user_id = ?", JdbcAdminUserDirectory::summary, userId.toString())
                .stream().findFirst();
    }

    @Override
    public Page list(UserListing listing) {
        List<String> filters = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (listing.name() != null && !listing.name().isEmpty()) {
            String name = like(listing.name().toLowerCase(Locale.ROOT));
            filters.add("(LOWER(u.user_id) LIKE ? ESCAPE '\\' OR LOWER(p.displayname) LIKE ? ESCAPE '\\')");
            params.add("@%" + name + "%:%");
            params.add("%" + name + "%");
        } else if (listing.userId() != null && !listing.userId().isEmpty()) {
            filters.add("LOWER(u.user_id) LIKE ? ESCAPE '\\'");
            params.add("%" + like(listing.userId().toLowerCase(Locale.ROOT)) + "%");
        }
        if (!listing.guests()) {
            filters.add("u.guest = FALSE");
        }
        if (listing.deactivated() != null) {
            filters.add(listing.deactivated() ? "u.deactivated = TRUE" : "u.deactivated = FALSE");
        }
        if (listing.admins() != null) {
            filters.add(listing.admins() ? "u.admin = TRUE" : "u.admin = FALSE");
        }
        String where = filters.isEmpty() ? "" : " WHERE " + String.join(" AND ", filters);
        long total = sql.list("SELECT COUNT(*)" + FROM + where, row -> row.getLong(1), params.toArray()).getFirst();
        String direction = listing.backwards() ? " DESC NULLS FIRST" : " ASC NULLS LAST";
        String orderBy = column(listing.orderBy())
                .map(c -> " ORDER BY " + c + direction + ", u.user_id ASC")
                .orElse(" ORDER BY u.user_id" + (listing.backwards() ? " DESC" : " ASC"));
        List<Object> page = new ArrayList<>(params);
        page.add(listing.limit());
        page.add(listing.from());
        List<UserSummary> users = sql.list(SELECT + FROM + where + orderBy + " LIMIT ? OFFSET ?",
                JdbcAdminUserDirectory::summary, page.toArray());
        return new Page(users, total);
    }

    /** The column to sort by; empty for the name itself and for what every account here shares (no user types, no locks). */
    private static Optional<String> column(UserListing.Order order) {
        return Optional.ofNullable(switch (order) {
            case NAME, USER_TYPE, LOCKED -> null;
            case IS_GUEST -> "u.guest";
            case ADMIN -> "u.admin";
            case DEACTIVATED -> "u.deactivated";
            case SHADOW_BANNED -> "CASE WHEN sb.user_id IS NULL THEN 0 ELSE 1 END";
            case DISPLAYNAME -> "p.displayname";
            case AVATAR_URL -> "p.avatar_url";
            case CREATION_TS -> "u.created_at";
            case LAST_SEEN_TS -> "(SELECT MAX(d.last_seen_ts) FROM devices d WHERE d.user_id = u.user_id)";
        });
    }

    private static String like(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static UserSummary summary(ResultSet row) throws SQLException {
        return new UserSummary(UserId.parse(row.getString(1)), row.getBoolean(2), row.getBoolean(3),
                row.getBoolean(4), row.getBoolean(5), row.getBoolean(6), row.getString(7), row.getString(8),
                instant(row, 9), instant(row, 10));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
