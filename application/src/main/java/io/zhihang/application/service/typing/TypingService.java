package io.zhihang.application.service.typing;

import io.zhihang.application.port.in.typing.ExpireTypingUseCase;
import io.zhihang.application.port.in.typing.TypingQueries;
import io.zhihang.application.port.in.typing.TypingUseCase;
import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.application.service.stream.SyncActivity;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import io.zhihang.domain.typing.TypingRooms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typing notices, in memory on this instance (as Synapse's typing writer). Every change that others must hear of
 * fires {@link SyncActivity#ofRoom}: at once when there is no transaction (expiry), after commit otherwise.
 */
@ApplicationScoped
public class TypingService implements TypingUseCase, ExpireTypingUseCase, TypingQueries {
    private final RoomStateStore state;
    private final InstantSource clock;
    private final Event<SyncActivity> activity;
    private final TypingRooms rooms;

    public TypingService(RoomStateStore state, InstantSource clock, Event<SyncActivity> activity) {
        this.state = state;
        this.clock = clock;
        this.activity = activity;
        this.rooms = new TypingRooms(clock.instant());
    }

    @Override
    @Transactional
    public void setTyping(Requester requester, String roomId, UserId target, boolean typing, Long timeoutMs) {
        if (!requester.userId().equals(target)) {
            throw DomainException.forbidden("Cannot set another user's typing state");
        }
        String userId = target.toString();
        if (!"join".equals(state.membership(roomId, userId).orElse(null))) {
            throw DomainException.forbidden("You are not in this room");
        }
        Instant now = clock.instant();
        Instant until = now.plus(TypingRooms.timeout(timeoutMs));
        boolean changed;
        synchronized (rooms) {
            changed = typing ? rooms.start(roomId, userId, until, now) : rooms.stop(roomId, userId, now);
        }
        if (changed) {
            activity.fire(SyncActivity.ofRoom(roomId));
        }
    }

    @Override
    public void leftRoom(String roomId, String userId) {
        boolean changed;
        synchronized (rooms) {
            changed = rooms.stop(roomId, userId, clock.instant());
        }
        if (changed) {
            activity.fire(SyncActivity.ofRoom(roomId));
        }
    }

    @Override
    public void expire(Instant now) {
        List<String> changed;
        synchronized (rooms) {
            changed = rooms.expire(now);
        }
        if (!changed.isEmpty()) {
            activity.fire(new SyncActivity(Set.of(), Set.copyOf(changed)));
        }
    }

    @Override
    public long typingPosition() {
        synchronized (rooms) {
            return rooms.position();
        }
    }

    @Override
    public Map<String, List<String>> typingSince(Collection<String> roomIds, long since) {
        synchronized (rooms) {
            return rooms.since(roomIds, since);
        }
    }
}
