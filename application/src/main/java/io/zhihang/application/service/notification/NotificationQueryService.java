package io.zhihang.application.service.notification;

import io.zhihang.application.port.in.push.NotificationCounts;
import io.zhihang.application.port.in.push.NotificationQueries;
import io.zhihang.application.port.in.push.RoomUnreadCounts;
import io.zhihang.application.port.in.push.UnreadCounts;
import io.zhihang.application.port.out.push.NotificationRepository;
import io.zhihang.application.port.out.push.NotificationRepository.StoredNotification;
import io.zhihang.application.port.out.push.NotificationRepository.ThreadCount;
import io.zhihang.application.port.out.push.ReadPositions;
import io.zhihang.application.port.out.push.ReadPositions.RoomReadUpTo;
import io.zhihang.application.service.room.ClientEvents;
import io.zhihang.application.service.room.RoomAccess;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonNull;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Reading the notifications push rules recorded: unread counts (after the user's read receipts, per room and per
 * thread) and the notification list.
 */
@ApplicationScoped
public class NotificationQueryService implements NotificationQueries {
    private final NotificationRepository notifications;
    private final ReadPositions readPositions;
    private final ClientEvents clientEvents;
    private final RoomAccess access;

    public NotificationQueryService(NotificationRepository notifications, ReadPositions readPositions,
                                    ClientEvents clientEvents, RoomAccess access) {
        this.notifications = notifications;
        this.readPositions = readPositions;
        this.clientEvents = clientEvents;
        this.access = access;
    }

    /**
     * Counts everything after the unthreaded receipt in one query, then takes off, thread by thread, what a threaded
     * receipt further on has read.
     */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public UnreadCounts counts(String userId, Collection<String> roomIds) {
        List<String> rooms = List.copyOf(new LinkedHashSet<>(roomIds));
        Map<String, RoomReadUpTo> read = readPositions.readUpTo(userId, rooms);
        Map<String, Long> after = new LinkedHashMap<>();
        rooms.forEach(roomId -> after.put(roomId, read.getOrDefault(roomId, RoomReadUpTo.NOTHING).unthreaded()));
        Map<String, Map<String, NotificationCounts>> byRoom = new HashMap<>();
        for (ThreadCount count : notifications.countAfter(userId, after)) {
            byRoom.computeIfAbsent(count.roomId(), r -> new HashMap<>())
                    .merge(count.threadId(), counts(count), NotificationCounts::plus);
        }
        read.forEach((roomId, upTo) -> upTo.threads().forEach((threadId, position) -> {
            Map<String, NotificationCounts> threads = byRoom.get(roomId);
            if (threads != null && threads.containsKey(threadId) && position > upTo.unthreaded()) {
                ThreadCount seen = notifications.countBetween(userId, roomId, threadId, upTo.unthreaded(), position);
                threads.computeIfPresent(threadId, (t, c) -> minus(c, counts(seen)));
            }
        }));
        Map<String, RoomUnreadCounts> result = new HashMap<>();
        for (String roomId : rooms) {
            Map<String, NotificationCounts> threads = new HashMap<>(byRoom.getOrDefault(roomId, Map.of()));
            threads.values().removeIf(c -> c.notificationCount() == 0);
            NotificationCounts main = threads.remove(NotificationRepository.MAIN_THREAD);
            result.put(roomId, new RoomUnreadCounts(main == null ? NotificationCounts.NONE : main, threads));
        }
        return new UnreadCounts(result);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public NotificationCounts unread(Requester requester, String roomId) {
        String userId = requester.userId().toString();
        access.ensureJoined(roomId, userId);
        return counts(userId, List.of(roomId)).of(roomId).total();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public NotificationsPage notifications(Requester requester, String from, int limit, boolean onlyHighlights) {
        String userId = requester.userId().toString();
        long before = from == null ? Long.MAX_VALUE : token(from);
        int size = Math.min(Math.max(limit, 0), MAX_LIMIT);
        if (size == 0) {
            return new NotificationsPage(List.of(), null);
        }
        List<StoredNotification> page = notifications.latest(userId, before, size + 1, onlyHighlights);
        boolean more = page.size() > size;
        List<StoredNotification> shown = more ? page.subList(0, size) : page;
        Map<String, JsonObject> eventsById = events(shown);
        Map<String, RoomReadUpTo> read = readPositions.readUpTo(userId,
                shown.stream().map(StoredNotification::roomId).distinct().toList());
        List<JsonObject> out = new ArrayList<>();
        for (StoredNotification n : shown) {
            JsonObject event = eventsById.get(n.eventId());
            if (event == null) {
                continue;
            }
            boolean isRead = n.streamOrdering() <= read.getOrDefault(n.roomId(), RoomReadUpTo.NOTHING).of(n.threadId());
            out.add(JsonObject.builder()
                    .put("actions", n.actions())
                    .put("event", event)
                    .put("profile_tag", JsonNull.INSTANCE)
                    .put("read", isRead)
                    .put("room_id", n.roomId())
                    .put("ts", event.number("origin_server_ts").orElse(0L))
                    .build());
        }
        return new NotificationsPage(out, more ? Long.toString(shown.getLast().streamOrdering()) : null);
    }

    /** The events of the page in the client format (with {@code room_id}), room by room. */
    private Map<String, JsonObject> events(List<StoredNotification> page) {
        Map<String, List<String>> idsByRoom = new LinkedHashMap<>();
        page.forEach(n -> idsByRoom.computeIfAbsent(n.roomId(), r -> new ArrayList<>()).add(n.eventId()));
        Map<String, JsonObject> byId = new HashMap<>();
        idsByRoom.forEach((roomId, ids) -> clientEvents.formatIds(roomId, ids, true)
                .forEach(e -> byId.put(e.string("event_id").orElseThrow(), e)));
        return byId;
    }

    private static long token(String from) {
        try {
            long value = Long.parseLong(from);
            if (value < 0) {
                throw DomainException.invalidParam("Invalid 'from' token");
            }
            return value;
        } catch (NumberFormatException e) {
            throw DomainException.invalidParam("Invalid 'from' token");
        }
    }

    private static NotificationCounts counts(ThreadCount count) {
        return new NotificationCounts(count.notifications(), count.highlights());
    }

    private static NotificationCounts minus(NotificationCounts a, NotificationCounts b) {
        return new NotificationCounts(Math.max(0, a.notificationCount() - b.notificationCount()),
                Math.max(0, a.highlightCount() - b.highlightCount()));
    }
}
