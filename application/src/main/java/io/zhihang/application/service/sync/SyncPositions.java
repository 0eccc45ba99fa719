package io.zhihang.application.service.sync;

import jakarta.enterprise.context.ApplicationScoped;

/** The current position of every stream sync reads: the {@code next_batch} of a response read now. */
@ApplicationScoped
public class SyncPositions {
    private final RoomStream rooms;

    public SyncPositions(RoomStream rooms) {
        this.rooms = rooms;
    }

    public SyncToken current() {
        return new SyncToken(rooms.position(), 0, 0, 0, 0, 0, 0, 0);
    }
}
