package io.zhihang.application.port.in.presence;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.UserId;

import java.time.Instant;

public interface SetPresenceUseCase {
    /**
     * {@code PUT /presence/{userId}/status}: only for oneself ({@code 403}). {@code presence} is online, unavailable
     * or offline ({@code 400 M_INVALID_PARAM} otherwise); a missing {@code statusMsg} clears it. With presence
     * switched off ({@code zhihang.presence.enabled=false}) the call is accepted and ignored, as in Synapse.
     */
    void setPresence(Requester requester, UserId target, String presence, String statusMsg);

    /**
     * Sync's {@code set_presence} ({@code null} means {@code online}, the default; {@code offline} changes nothing, as
     * in Synapse; another value is {@code 400 M_INVALID_PARAM}). Cheap when nothing changes: it writes (and moves the
     * presence position) only on a change others must hear of, or when the stored last_active is over 60 s old. The
     * status message stays as it is. Runs in the caller's transaction if there is one: call it before a long-poll,
     * never inside a transaction held across one (a write holds the presence stream lock until commit).
     */
    void setPresenceFromSync(String userId, String presence, Instant now);
}
