package io.zhihang.application.fakes;

import io.zhihang.application.port.out.userdata.ReceiptRepository;
import io.zhihang.domain.userdata.Receipt;
import io.zhihang.domain.userdata.ReceiptType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Receipts in a map, stamped from a counter, for tests. The stream lock is a no-op (tests run one thread). */
public class InMemoryReceiptRepository implements ReceiptRepository {
    private record Key(String roomId, ReceiptType type, String userId, String threadId) {
    }

    private record Stamped(Receipt receipt, long position) {
    }

    private final Map<Key, Stamped> receipts = new LinkedHashMap<>();
    private long position;
    private int locks;

    @Override
    public synchronized void lockStream() {
        locks++;
    }

    @Override
    public synchronized Optional<Receipt> find(String roomId, ReceiptType type, String userId, String threadId) {
        return Optional.ofNullable(receipts.get(new Key(roomId, type, userId, threadId))).map(Stamped::receipt);
    }

    @Override
    public synchronized long save(Receipt r) {
        if (locks == 0) {
            throw new IllegalStateException("The receipts stream must be locked before a write");
        }
        receipts.put(new Key(r.roomId(), r.type(), r.userId(), r.threadId()), new Stamped(r, ++position));
        return position;
    }

    @Override
    public synchronized long position() {
        return position;
    }

    @Override
    public synchronized List<Receipt> changedSince(Collection<String> roomIds, long since, String viewerId) {
        List<Stamped> changed = new ArrayList<>(receipts.values().stream()
                .filter(s -> s.position() > since && roomIds.contains(s.receipt().roomId()))
                .filter(s -> !s.receipt().type().isPrivate() || s.receipt().userId().equals(viewerId))
                .toList());
        changed.sort(Comparator.comparingLong(Stamped::position));
        return changed.stream().map(Stamped::receipt).toList();
    }

    @Override
    public synchronized List<ReadUpTo> readUpTo(String userId, Collection<String> roomIds) {
        Map<List<String>, Long> highest = new HashMap<>();
        for (Stamped s : receipts.values()) {
            Receipt r = s.receipt();
            if (r.userId().equals(userId) && roomIds.contains(r.roomId())) {
                highest.merge(Arrays.asList(r.roomId(), r.threadId()), r.eventOrdering(), Math::max);
            }
        }
        return highest.entrySet().stream()
                .map(e -> new ReadUpTo(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .sorted(Comparator.comparing(ReadUpTo::roomId).thenComparing(r -> Objects.toString(r.threadId())))
                .toList();
    }
}
