package io.zhihang.adapter.persistence.friendship;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.friendship.FriendView;
import io.zhihang.application.port.out.friendship.FriendshipRepository;
import io.zhihang.application.port.out.friendship.Recommendation;
import io.zhihang.domain.friendship.FriendRequest;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Friendships and friend requests in plain JDBC, the one writer of {@code friendships} and {@code friend_requests}.
 * Changes between two users are made under their pair lock ({@code JdbcUserPairLock}).
 */
@ApplicationScoped
public class JdbcFriendshipRepository implements FriendshipRepository {
    /** Recommendations walk at most this many of the user's friends (the most recent ones). */
    static final int FRIENDS_WALKED = 500;
    /** … and at most this many of the user's joined rooms, the smallest first, */
    static final int ROOMS_WALKED = 200;
    /** … each with at most this many joined members (larger rooms say little about who one knows). */
    static final int ROOM_MEMBERS_WALKED = 100;

    private static final String ARE_FRIENDS = "SELECT 1 FROM friendships WHERE user_a = ? AND user_b = ?";
    private static final String BEFRIEND = """
            INSERT INTO friendships (user_a, user_b, since_ts)
            SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM friendships WHERE user_a = ? AND user_b = ?)""";
    private static final String UNFRIEND = "DELETE FROM friendships WHERE user_a = ? AND user_b = ?";
    private static final String REQUEST_COLUMNS =
            "request_id, sender, addressee, message, status, created_ts, answered_ts";
    private static final String FIND_REQUEST = "SELECT " + REQUEST_COLUMNS + " FROM friend_requests WHERE request_id = ?";
    private static final String PENDING = "SELECT " + REQUEST_COLUMNS
            + " FROM friend_requests WHERE sender = ? AND addressee = ? AND status = 'pending'";
    private static final String PENDING_TO = "SELECT " + REQUEST_COLUMNS
            + " FROM friend_requests WHERE addressee = ? AND status = 'pending' ORDER BY created_ts, request_id";
    private static final String PENDING_FROM = "SELECT " + REQUEST_COLUMNS
            + " FROM friend_requests WHERE sender = ? AND status = 'pending' ORDER BY created_ts, request_id";
    private static final String UPDATE_REQUEST =
            "UPDATE friend_requests SET status = ?, answered_ts = ? WHERE request_id = ?";
    private static final String INSERT_REQUEST = "INSERT INTO friend_requests (" + REQUEST_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String FRIENDS = """
            SELECT f.friend, p.displayname, p.avatar_url, f.since_ts FROM (
                SELECT user_b AS friend, since_ts FROM friendships WHERE user_a = ? AND user_b > ?
                UNION ALL
                SELECT user_a AS friend, since_ts FROM friendships WHERE user_b = ? AND user_a > ?
            ) f LEFT JOIN profiles p ON p.user_id = f.friend
            ORDER BY f.friend LIMIT ?""";
    private static final String COUNT = """
            SELECT (SELECT COUNT(*) FROM friendships WHERE user_a = ?)
                 + (SELECT COUNT(*) FROM friendships WHERE user_b = ?)""";
    private static final String PENDING_ADDRESSEES = """
            SELECT DISTINCT addressee FROM friend_requests WHERE sender = ? AND status = 'pending'""";
    private static final String FORGET_REQUESTS = "DELETE FROM friend_requests WHERE sender = ? OR addressee = ?";
    private static final String FORGET_FRIENDSHIPS = "DELETE FROM friendships WHERE user_a = ? OR user_b = ?";
    /*
     * Friends of the user's friends (one row per mutual friend) and members of the user's small rooms (one row per
     * shared room), summed per candidate. Parameters: user ×2, friends cap, user, members cap, rooms cap, user ×5,
     * limit.
     */
    private static final String RECOMMENDATIONS = """
            WITH my_friends AS (
                SELECT friend FROM (
                    SELECT user_b AS friend, since_ts FROM friendships WHERE user_a = ?
                    UNION ALL
                    SELECT user_a AS friend, since_ts FROM friendships WHERE user_b = ?
                ) x ORDER BY since_ts DESC, friend LIMIT ?
            ), my_rooms AS (
                SELECT cs.room_id FROM current_state cs
                JOIN current_state m
                  ON m.room_id = cs.room_id AND m.type = 'm.room.member' AND m.membership = 'join'
                WHERE cs.type = 'm.room.member' AND cs.state_key = ? AND cs.membership = 'join'
                GROUP BY cs.room_id HAVING COUNT(*) <= ?
                ORDER BY COUNT(*), cs.room_id LIMIT ?
            ), candidates AS (
                SELECT fr.user_b AS candidate, 1 AS mutual, 0 AS shared
                  FROM my_friends mf JOIN friendships fr ON fr.user_a = mf.friend
                UNION ALL
                SELECT fr.user_a AS candidate, 1 AS mutual, 0 AS shared
                  FROM my_friends mf JOIN friendships fr ON fr.user_b = mf.friend
                UNION ALL
                SELECT m.state_key AS candidate, 0 AS mutual, 1 AS shared
                  FROM my_rooms r JOIN current_state m
                    ON m.room_id = r.room_id AND m.type = 'm.room.member' AND m.membership = 'join'
            ), scored AS (
                SELECT candidate, SUM(mutual) AS mutual_friends, SUM(shared) AS shared_rooms
                FROM candidates GROUP BY candidate
            )
            SELECT s.candidate, p.displayname, p.avatar_url, s.mutual_friends, s.shared_rooms
            FROM scored s
            JOIN users u ON u.user_id = s.candidate AND u.deactivated = FALSE
            LEFT JOIN profiles p ON p.user_id = s.candidate
            WHERE s.candidate <> ?
              AND NOT EXISTS (SELECT 1 FROM friendships f WHERE f.user_a = ? AND f.user_b = s.candidate)
              AND NOT EXISTS (SELECT 1 FROM friendships f WHERE f.user_b = ? AND f.user_a = s.candidate)
              AND NOT EXISTS (SELECT 1 FROM friend_requests q WHERE q.status = 'pending'
                              AND q.sender = ? AND q.addressee = s.candidate)
              AND NOT EXISTS (SELECT 1 FROM friend_requests q WHERE q.status = 'pending'
                              AND q.addressee = ? AND q.sender = s.candidate)
            ORDER BY s.mutual_friends DESC, s.shared_rooms DESC, s.candidate
            LIMIT ?""";

    private final PlainSql sql;

    JdbcFriendshipRepository(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public boolean areFriends(UserId a, UserId b) {
        String[] pair = pair(a, b);
        return !sql.list(ARE_FRIENDS, row -> 1, pair[0], pair[1]).isEmpty();
    }

    @Override
    public void befriend(UserId a, UserId b, Instant since) {
        String[] pair = pair(a, b);
        sql.update(BEFRIEND, pair[0], pair[1], since.toEpochMilli(), pair[0], pair[1]);
    }

    @Override
    public boolean unfriend(UserId a, UserId b) {
        String[] pair = pair(a, b);
        return sql.update(UNFRIEND, pair[0], pair[1]) > 0;
    }

    @Override
    public Optional<FriendRequest> findRequest(String requestId) {
        return sql.list(FIND_REQUEST, JdbcFriendshipRepository::request, requestId).stream().findFirst();
    }

    @Override
    public Optional<FriendRequest> pendingRequest(UserId from, UserId to) {
        return sql.list(PENDING, JdbcFriendshipRepository::request, from.toString(), to.toString()).stream()
                .findFirst();
    }

    @Override
    public void saveRequest(FriendRequest r) {
        String status = r.status().name().toLowerCase(Locale.ROOT);
        Long answered = r.answeredAt() == null ? null : r.answeredAt().toEpochMilli();
        if (sql.update(UPDATE_REQUEST, status, answered, r.id()) == 0) {
            sql.update(INSERT_REQUEST, r.id(), r.from().toString(), r.to().toString(), r.message(), status,
                    r.sentAt().toEpochMilli(), answered);
        }
    }

    @Override
    public List<FriendRequest> pendingTo(UserId user) {
        return sql.list(PENDING_TO, JdbcFriendshipRepository::request, user.toString());
    }

    @Override
    public List<FriendRequest> pendingFrom(UserId user) {
        return sql.list(PENDING_FROM, JdbcFriendshipRepository::request, user.toString());
    }

    @Override
    public List<FriendView> friends(UserId user, String after, int limit) {
        String from = after == null ? "" : after;
        return sql.list(FRIENDS, row -> new FriendView(row.getString(1), row.getString(2), row.getString(3),
                Instant.ofEpochMilli(row.getLong(4))), user.toString(), from, user.toString(), from, limit);
    }

    @Override
    public int countFriends(UserId user) {
        return sql.list(COUNT, row -> row.getInt(1), user.toString(), user.toString()).getFirst();
    }

    @Override
    public List<Recommendation> recommendations(UserId user, int limit) {
        String u = user.toString();
        return sql.list(RECOMMENDATIONS, row -> new Recommendation(row.getString(1), row.getString(2),
                        row.getString(3), row.getInt(4), row.getInt(5)),
                u, u, FRIENDS_WALKED, u, ROOM_MEMBERS_WALKED, ROOMS_WALKED,
                u, u, u, u, u, limit);
    }

    @Override
    public List<UserId> forget(UserId user) {
        String u = user.toString();
        List<UserId> addressees = new ArrayList<>(sql.list(PENDING_ADDRESSEES,
                row -> UserId.parse(row.getString(1)), u));
        sql.update(FORGET_REQUESTS, u, u);
        sql.update(FORGET_FRIENDSHIPS, u, u);
        return addressees;
    }

    private static String[] pair(UserId a, UserId b) {
        String x = a.toString();
        String y = b.toString();
        return x.compareTo(y) <= 0 ? new String[] {x, y} : new String[] {y, x};
    }

    private static FriendRequest request(ResultSet row) throws SQLException {
        long answered = row.getLong(7);
        Instant answeredAt = row.wasNull() ? null : Instant.ofEpochMilli(answered);
        return new FriendRequest(row.getString(1), UserId.parse(row.getString(2)), UserId.parse(row.getString(3)),
                row.getString(4), FriendRequest.Status.valueOf(row.getString(5).toUpperCase(Locale.ROOT)),
                Instant.ofEpochMilli(row.getLong(6)), answeredAt);
    }
}
