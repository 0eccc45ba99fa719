package io.zhihang.application.fakes;

import io.zhihang.application.port.out.push.NotificationRepository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The {@code event_push_actions} rows in a list; the queries mirror {@code JdbcNotificationRepository}'s. */
public class InMemoryNotificationRepository implements NotificationRepository {
    private final List<StoredNotification> rows = new ArrayList<>();

    public synchronized List<StoredNotification> all() {
        return List.copyOf(rows);
    }

    @Override
    public synchronized void addAll(List<StoredNotification> notifications) {
        for (StoredNotification n : notifications) {
            if (rows.stream().anyMatch(r -> r.userId().equals(n.userId()) && r.eventId().equals(n.eventId()))) {
                throw new IllegalStateException("Duplicate notification " + n);
            }
            rows.add(n);
        }
    }

    @Override
    public synchronized void removeEvent(String eventId) {
        rows.removeIf(r -> r.eventId().equals(eventId));
    }

    @Override
    public synchronized List<ThreadCount> countAfter(String userId, Map<String, Long> afterByRoom) {
        return count(r -> r.userId().equals(userId) && afterByRoom.containsKey(r.roomId())
                && r.streamOrdering() > afterByRoom.get(r.roomId()));
    }

    @Override
    public synchronized ThreadCount countBetween(String userId, String roomId, String threadId, long after, long upTo) {
        List<ThreadCount> counts = count(r -> r.userId().equals(userId) && r.roomId().equals(roomId)
                && r.threadId().equals(threadId) && r.streamOrdering() > after && r.streamOrdering() <= upTo);
        return counts.isEmpty() ? new ThreadCount(roomId, threadId, 0, 0) : counts.getFirst();
    }

    @Override
    public synchronized List<StoredNotification> latest(String userId, long before, int limit, boolean onlyHighlights) {
        return rows.stream()
                .filter(r -> r.userId().equals(userId) && r.streamOrdering() < before
                        && (!onlyHighlights || r.highlight()))
                .sorted(Comparator.comparingLong(StoredNotification::streamOrdering).reversed())
                .limit(limit).toList();
    }

    @Override
    public synchronized List<StoredNotification> between(String userId, long after, long upTo, int limit) {
        return rows.stream()
                .filter(r -> r.userId().equals(userId) && r.streamOrdering() > after && r.streamOrdering() <= upTo)
                .sorted(Comparator.comparingLong(StoredNotification::streamOrdering))
                .limit(limit).toList();
    }

    private List<ThreadCount> count(Predicate<StoredNotification> which) {
        Map<List<String>, long[]> counts = new LinkedHashMap<>();
        for (StoredNotification r : rows) {
            if (which.test(r)) {
                long[] c = counts.computeIfAbsent(List.of(r.roomId(), r.threadId()), k -> new long[2]);
                c[0]++;
                c[1] += r.highlight() ? 1 : 0;
            }
        }
        List<ThreadCount> out = new ArrayList<>();
        counts.forEach((key, c) -> out.add(new ThreadCount(key.get(0), key.get(1), c[0], c[1])));
        return out;
    }
}
