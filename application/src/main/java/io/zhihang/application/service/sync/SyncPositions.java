package io.zhihang.application.service.sync;

import io.zhihang.application.service.stream.RoomStream;
import io.zhihang.application.port.out.sync.StreamHeads;
import jakarta.enterprise.context.ApplicationScoped;

/** The current position of every stream sync reads: the {@code next_batch} of a response read now. */
@ApplicationScoped
public class SyncPositions {
    private final RoomStream rooms;
    private final SyncExtrasReader extras;
    private final StreamHeads heads;

    public SyncPositions(RoomStream rooms, SyncExtrasReader extras, StreamHeads heads) {
        this.rooms = rooms;
        this.extras = extras;
        this.heads = heads;
    }

    /** Read before the streams' contents, so nothing at or before a position is missed. */
    public SyncToken current(String userId) {
        long events = rooms.position();
        StreamHeads.Heads stored = heads.read(userId);
        return new SyncToken(events, stored.accountData(), stored.receipts(), extras.typingPosition(),
                stored.presence(), stored.pushRules(), stored.toDevice(), stored.deviceLists());
    }
}
