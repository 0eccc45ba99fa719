package io.zhihang.application.fakes;

import io.zhihang.application.port.out.delayed.DelayedEventRepository;
import io.zhihang.domain.delayed.DelayedEvent;
import io.zhihang.domain.delayed.DelayedEventStatus;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Delayed events in a map, for single-threaded tests: there are no transactions here, so the locks are plain reads
 * (the row locks are exercised against H2 and PostgreSQL in the server's API tests).
 */
public class InMemoryDelayedEventRepository implements DelayedEventRepository {
    private final Map<String, DelayedEvent> events = new ConcurrentHashMap<>();

    @Override
    public void insert(DelayedEvent event) {
        if (events.putIfAbsent(event.delayId(), event) != null) {
            throw new IllegalStateException("Duplicate delay id " + event.delayId());
        }
    }

    @Override
    public Optional<DelayedEvent> findByTxn(UserId owner, DeviceId deviceId, String txnId) {
        return events.values().stream().filter(e -> e.owner().equals(owner)
                && Objects.equals(e.deviceId(), deviceId) && txnId.equals(e.txnId())).findFirst();
    }

    @Override
    public List<DelayedEvent> ofOwner(UserId owner, Collection<String> delayIds) {
        return events.values().stream()
                .filter(e -> e.owner().equals(owner) && (delayIds.isEmpty() || delayIds.contains(e.delayId())))
                .sorted(Comparator.comparing((DelayedEvent e) -> e.status().isFinalised())
                        .thenComparing(e -> e.status().isFinalised() ? e.finalisedAt() : e.sendAt()))
                .toList();
    }

    @Override
    public ScheduledCount scheduledOf(UserId owner) {
        List<DelayedEvent> scheduled = events.values().stream()
                .filter(e -> e.owner().equals(owner) && e.status() == DelayedEventStatus.SCHEDULED).toList();
        return new ScheduledCount(scheduled.size(),
                scheduled.stream().map(DelayedEvent::sendAt).min(Comparator.naturalOrder()).orElse(null));
    }

    @Override
    public Optional<DelayedEvent> lock(String delayId) {
        return Optional.ofNullable(events.get(delayId));
    }

    @Override
    public Optional<DelayedEvent> lockIfDue(String delayId, Instant now) {
        return lock(delayId).filter(e -> e.isDueAt(now));
    }

    @Override
    public List<DelayedEvent> due(Instant now, int limit) {
        return events.values().stream().filter(e -> e.isDueAt(now))
                .sorted(Comparator.comparing(DelayedEvent::sendAt)).limit(limit).toList();
    }

    @Override
    public boolean updateScheduled(DelayedEvent event) {
        return events.computeIfPresent(event.delayId(),
                (id, stored) -> stored.status() == DelayedEventStatus.SCHEDULED ? event : stored) == event;
    }

    @Override
    public int deleteFinalisedBefore(Instant cutoff) {
        int before = events.size();
        events.values().removeIf(e -> e.status().isFinalised() && e.finalisedAt().isBefore(cutoff));
        return before - events.size();
    }

    public int size() {
        return events.size();
    }

    @Override
    public synchronized void forgetContentOf(String eventId) {
        // the scenario tests never destroy messages
    }
}
