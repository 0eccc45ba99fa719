package io.zhihang.application.service.lifecycle;

import io.zhihang.application.port.in.lifecycle.DestroyDueMessagesUseCase;
import io.zhihang.application.port.out.lifecycle.SelfDestructs;
import io.zhihang.application.service.room.SelfDestructRequested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Instant;
import java.util.List;

/**
 * The self-destruct timer. Times live in the database (so they survive restarts); each due message is claimed and
 * destroyed in one transaction, so with several instances on one database each is destroyed once, and a crash in
 * between leaves it due for the next run.
 */
@ApplicationScoped
public class SelfDestructService implements DestroyDueMessagesUseCase {
    private static final int BATCH = 100;

    private final SelfDestructs timers;
    private final DueMessageDestroyer destroyer;

    public SelfDestructService(SelfDestructs timers, DueMessageDestroyer destroyer) {
        this.timers = timers;
        this.destroyer = destroyer;
    }

    /** A message sent with MSC2228's {@code org.matrix.self_destruct_after}, in the storing transaction. */
    void onRequested(@Observes SelfDestructRequested requested) {
        timers.schedule(requested.eventId(), requested.roomId(), requested.at());
    }

    @Override
    public int destroyDue(Instant now) {
        List<String> due = timers.due(now, BATCH);
        int destroyed = 0;
        for (String eventId : due) {
            if (destroyer.destroy(eventId, now)) {
                destroyed++;
            }
        }
        return destroyed;
    }
}
