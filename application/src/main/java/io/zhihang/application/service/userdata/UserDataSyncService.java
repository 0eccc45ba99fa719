package io.zhihang.application.service.userdata;

import io.zhihang.application.port.in.userdata.AccountDataDelta;
import io.zhihang.application.port.in.userdata.ReadPositions;
import io.zhihang.application.port.in.userdata.RoomRead;
import io.zhihang.application.port.in.userdata.UserDataSyncQueries;
import io.zhihang.application.port.out.userdata.AccountDataRepository;
import io.zhihang.application.port.out.userdata.ReceiptRepository;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.userdata.Receipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The sync side of account data and receipts: one query per stream, shaped as sync serves it. */
@ApplicationScoped
public class UserDataSyncService implements UserDataSyncQueries {
    private final AccountDataRepository accountData;
    private final ReceiptRepository receipts;

    public UserDataSyncService(AccountDataRepository accountData, ReceiptRepository receipts) {
        this.accountData = accountData;
        this.receipts = receipts;
    }

    @Override
    @Transactional
    public long accountDataPosition() {
        return accountData.position();
    }

    @Override
    @Transactional
    public AccountDataDelta accountDataSince(String userId, long since) {
        Map<String, JsonObject> global = new LinkedHashMap<>();
        Map<String, Map<String, JsonObject>> rooms = new LinkedHashMap<>();
        for (AccountDataRepository.Entry entry : accountData.changedSince(userId, since)) {
            if (entry.content() == null && since == 0) {
                continue;
            }
            JsonObject content = entry.content() == null ? JsonObject.EMPTY : entry.content();
            if (entry.roomId() == null) {
                global.put(entry.type(), content);
            } else {
                rooms.computeIfAbsent(entry.roomId(), id -> new LinkedHashMap<>()).put(entry.type(), content);
            }
        }
        return new AccountDataDelta(global, rooms);
    }

    @Override
    @Transactional
    public long receiptPosition() {
        return receipts.position();
    }

    @Override
    @Transactional
    public Map<String, JsonObject> receiptsSince(String viewerId, Collection<String> roomIds, long since) {
        if (roomIds.isEmpty()) {
            return Map.of();
        }
        // room → event → type → user → {ts, thread_id?}
        Map<String, Map<String, Map<String, Map<String, JsonValue>>>> byRoom = new LinkedHashMap<>();
        for (Receipt r : receipts.changedSince(roomIds, since, viewerId)) {
            JsonObject.Builder data = JsonObject.builder().put("ts", r.ts());
            if (r.threadId() != null) {
                data.put("thread_id", r.threadId());
            }
            byRoom.computeIfAbsent(r.roomId(), id -> new LinkedHashMap<>())
                    .computeIfAbsent(r.eventId(), id -> new LinkedHashMap<>())
                    .computeIfAbsent(r.type().id(), id -> new LinkedHashMap<>())
                    .put(r.userId(), data.build());
        }
        Map<String, JsonObject> contents = new LinkedHashMap<>();
        byRoom.forEach((roomId, byEvent) -> {
            JsonObject.Builder content = JsonObject.builder();
            byEvent.forEach((eventId, byType) -> {
                JsonObject.Builder types = JsonObject.builder();
                byType.forEach((type, byUser) -> types.put(type, new JsonObject(byUser)));
                content.put(eventId, types.build());
            });
            contents.put(roomId, content.build());
        });
        return contents;
    }

    @Override
    @Transactional
    public ReadPositions readPositions(String userId, Collection<String> roomIds) {
        if (roomIds.isEmpty()) {
            return new ReadPositions(Map.of());
        }
        Map<String, Long> unthreaded = new HashMap<>();
        Map<String, Map<String, Long>> threads = new HashMap<>();
        for (ReceiptRepository.ReadUpTo read : receipts.readUpTo(userId, roomIds)) {
            if (read.threadId() == null) {
                unthreaded.merge(read.roomId(), read.eventOrdering(), Math::max);
            } else {
                threads.computeIfAbsent(read.roomId(), id -> new HashMap<>())
                        .merge(read.threadId(), read.eventOrdering(), Math::max);
            }
        }
        Map<String, RoomRead> rooms = new HashMap<>();
        for (String roomId : union(unthreaded.keySet(), threads.keySet())) {
            rooms.put(roomId, new RoomRead(unthreaded.getOrDefault(roomId, 0L),
                    threads.getOrDefault(roomId, Map.of())));
        }
        return new ReadPositions(rooms);
    }

    private static List<String> union(Collection<String> a, Collection<String> b) {
        return Stream.concat(a.stream(), b.stream()).distinct().toList();
    }
}
