package io.zhihang.adapter.persistence.friendship;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.friendship.FriendCategory;
import io.zhihang.application.port.out.friendship.FriendCategoryRepository;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Friend categories in plain JDBC, the one writer of {@code friend_categories} and {@code friend_category_members}.
 * The owner's lock is their row of {@code users} ({@code SELECT … FOR UPDATE}).
 */
@ApplicationScoped
public class JdbcFriendCategoryRepository implements FriendCategoryRepository {
    private static final String LOCK = "SELECT user_id FROM users WHERE user_id = ? FOR UPDATE";
    private static final String CATEGORIES = """
            SELECT c.name, m.member FROM friend_categories c
            LEFT JOIN friend_category_members m ON m.category_id = c.category_id
            WHERE c.owner = ? ORDER BY c.category_id, m.member""";
    private static final String OF_MEMBERS = """
            SELECT m.member, c.name FROM friend_categories c
            JOIN friend_category_members m ON m.category_id = c.category_id
            WHERE c.owner = ? AND m.member IN (%s) ORDER BY c.category_id""";
    private static final String CREATE = """
            INSERT INTO friend_categories (owner, name, name_key, created_ts) VALUES (?, ?, ?, ?)""";
    private static final String RENAME = """
            UPDATE friend_categories SET name = ?, name_key = ? WHERE owner = ? AND name_key = ?""";
    private static final String ADD = """
            INSERT INTO friend_category_members (category_id, member)
            SELECT c.category_id, ? FROM friend_categories c WHERE c.owner = ? AND c.name_key = ?
               AND NOT EXISTS (SELECT 1 FROM friend_category_members m
                               WHERE m.category_id = c.category_id AND m.member = ?)""";
    private static final String REMOVE = """
            DELETE FROM friend_category_members WHERE member = ? AND category_id IN
                (SELECT category_id FROM friend_categories WHERE owner = ? AND name_key = ?)""";
    private static final String DELETE_MEMBERS = """
            DELETE FROM friend_category_members WHERE category_id IN
                (SELECT category_id FROM friend_categories WHERE owner = ? AND name_key = ?)""";
    private static final String DELETE = "DELETE FROM friend_categories WHERE owner = ? AND name_key = ?";
    private static final String REMOVE_EVERYWHERE = """
            DELETE FROM friend_category_members WHERE member = ? AND category_id IN
                (SELECT category_id FROM friend_categories WHERE owner = ?)""";
    private static final String FORGET_MEMBER = "DELETE FROM friend_category_members WHERE member = ?";
    private static final String FORGET_OWNED_MEMBERS = """
            DELETE FROM friend_category_members WHERE category_id IN
                (SELECT category_id FROM friend_categories WHERE owner = ?)""";
    private static final String FORGET_OWNED = "DELETE FROM friend_categories WHERE owner = ?";

    private final PlainSql sql;

    JdbcFriendCategoryRepository(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public void lockOwner(UserId owner) {
        sql.list(LOCK, row -> row.getString(1), owner.toString());
    }

    @Override
    public List<FriendCategory> categories(UserId owner) {
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (String[] row : sql.list(CATEGORIES, r -> new String[] {r.getString(1), r.getString(2)},
                owner.toString())) {
            List<String> list = members.computeIfAbsent(row[0], k -> new ArrayList<>());
            if (row[1] != null) {
                list.add(row[1]);
            }
        }
        return members.entrySet().stream().map(e -> new FriendCategory(e.getKey(), e.getValue())).toList();
    }

    @Override
    public Map<String, List<String>> categoriesOf(UserId owner, Collection<String> friends) {
        Map<String, List<String>> out = new HashMap<>();
        for (List<String> chunk : PlainSql.chunks(friends)) {
            Object[] params = new Object[chunk.size() + 1];
            params[0] = owner.toString();
            for (int i = 0; i < chunk.size(); i++) {
                params[i + 1] = chunk.get(i);
            }
            for (String[] row : sql.list(OF_MEMBERS.formatted(PlainSql.placeholders(chunk.size())),
                    r -> new String[] {r.getString(1), r.getString(2)}, params)) {
                out.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row[1]);
            }
        }
        return out;
    }

    @Override
    public void create(UserId owner, String name, String key, Instant now) {
        sql.update(CREATE, owner.toString(), name, key, now.toEpochMilli());
    }

    @Override
    public void rename(UserId owner, String fromKey, String name, String key) {
        sql.update(RENAME, name, key, owner.toString(), fromKey);
    }

    @Override
    public void addMembers(UserId owner, String key, Collection<String> members) {
        sql.batch(ADD, members.stream().map(m -> new Object[] {m, owner.toString(), key, m}).toList());
    }

    @Override
    public void removeMembers(UserId owner, String key, Collection<String> members) {
        sql.batch(REMOVE, members.stream().map(m -> new Object[] {m, owner.toString(), key}).toList());
    }

    @Override
    public void delete(UserId owner, String key) {
        sql.update(DELETE_MEMBERS, owner.toString(), key);
        sql.update(DELETE, owner.toString(), key);
    }

    @Override
    public void removeEverywhere(UserId owner, String member) {
        sql.update(REMOVE_EVERYWHERE, member, owner.toString());
    }

    @Override
    public void forget(UserId user) {
        sql.update(FORGET_MEMBER, user.toString());
        sql.update(FORGET_OWNED_MEMBERS, user.toString());
        sql.update(FORGET_OWNED, user.toString());
    }
}
