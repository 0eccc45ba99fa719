package io.zhihang.application.service.sync;

import io.zhihang.application.service.stream.RoomStream;
import jakarta.enterprise.context.ApplicationScoped;

/** The current position of every stream sync reads: the {@code next_batch} of a response read now. */
@ApplicationScoped
public class SyncPositions {
    private final RoomStream rooms;
    private final SyncExtrasReader extras;

    public SyncPositions(RoomStream rooms, SyncExtrasReader extras) {
        this.rooms = rooms;
        this.extras = extras;
    }

    /** Read before the streams' contents, so nothing at or before a position is missed. */
    public SyncToken current(String userId) {
        return new SyncToken(rooms.position(), extras.accountDataPosition(), extras.receiptPosition(),
                extras.typingPosition(), extras.presencePosition(), extras.pushRulesPosition(userId), 0, 0);
    }
}
