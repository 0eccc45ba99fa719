package io.zhihang.application.port.in.delayed;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.delayed.DelayedEvent;

import java.util.List;
import java.util.Set;

/** The requester's own delayed events: scheduled ones, and finalised ones kept for a while (seven days). */
public interface DelayedEventQueries {
    /**
     * The requester's events: the scheduled ones (by send time) if {@code scheduled}, then the finalised ones (by
     * finalisation time) if {@code finalised}; only those named in {@code delayIds} unless it is empty.
     */
    List<DelayedEvent> list(Requester requester, boolean scheduled, boolean finalised, Set<String> delayIds);

    /** One of the requester's events; {@code M_NOT_FOUND} for an unknown id or someone else's. */
    DelayedEvent get(Requester requester, String delayId);
}
