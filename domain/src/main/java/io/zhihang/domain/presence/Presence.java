package io.zhihang.domain.presence;

import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A user's presence, with Synapse's rules for when it changes and when others hear of it
 * ({@code synapse/handlers/presence.py}: {@code set_state}, {@code handle_update}, {@code should_notify},
 * {@code handle_timeout}).
 *
 * @param statusMsg       the user's status message; null when none
 * @param lastActive      when the user was last active (set by going or staying online); null if never
 * @param currentlyActive whether the user was active within {@link #LAST_ACTIVE_GRANULARITY} when this was recorded;
 *                        meaningful for {@code online} only
 */
public record Presence(PresenceState state, String statusMsg, Instant lastActive, boolean currentlyActive) {
    /** Activity within this span makes a user "currently active"; last_active moves this far before others hear. */
    public static final Duration LAST_ACTIVE_GRANULARITY = Duration.ofSeconds(60);
    /** Online users inactive this long become unavailable. */
    public static final Duration IDLE_TIMER = Duration.ofMinutes(5);
    /** The longest status message accepted (Synapse has no limit; every room mate's sync carries it). */
    public static final int MAX_STATUS_MSG_LENGTH = 1000;

    /** Someone who has never set a presence. */
    public static final Presence OFFLINE = new Presence(PresenceState.OFFLINE, null, null, false);

    public Presence {
        Objects.requireNonNull(state, "state");
        if (statusMsg != null && statusMsg.length() > MAX_STATUS_MSG_LENGTH) {
            throw DomainException.invalidParam("status_msg is longer than " + MAX_STATUS_MSG_LENGTH + " characters");
        }
        currentlyActive = currentlyActive && state == PresenceState.ONLINE;
    }

    /** {@code PUT /presence/{userId}/status}: the state and the status message (absent clears it). */
    public Presence set(PresenceState newState, String newStatusMsg, Instant now) {
        return change(newState, newStatusMsg, now);
    }

    /** Sync's {@code set_presence}: the state only; the status message stays. */
    public Presence fromSync(PresenceState newState, Instant now) {
        return change(newState, statusMsg, now);
    }

    private Presence change(PresenceState newState, String newStatusMsg, Instant now) {
        boolean online = newState == PresenceState.ONLINE;
        Instant active = online ? now : lastActive;
        return new Presence(newState, newStatusMsg, active, online && isRecent(active, now));
    }

    /**
     * Whether others should hear of the change from {@code old} to this (Synapse's {@code should_notify}): a new
     * state or status message, {@code currently_active} flipping while online, or last_active moving by more than
     * {@link #LAST_ACTIVE_GRANULARITY} while not currently active.
     */
    public boolean worthNotifying(Presence old) {
        if (equals(old)) {
            return false;
        }
        if (!Objects.equals(statusMsg, old.statusMsg) || state != old.state) {
            return true;
        }
        if (old.state == PresenceState.ONLINE) {
            if (currentlyActive != old.currentlyActive) {
                return true;
            }
            return movedBeyondGranularity(old) && !currentlyActive;
        }
        return movedBeyondGranularity(old);
    }

    /**
     * Whether the change from {@code old} should be stored (with a new stream position): when others should hear of
     * it, or when the stored last_active is more than {@link #LAST_ACTIVE_GRANULARITY} old. Anything else (a sync
     * that only refreshes a recent last_active) is dropped, which keeps sync cheap.
     */
    public boolean worthStoring(Presence old) {
        return worthNotifying(old) || movedBeyondGranularity(old);
    }

    /** After {@link #IDLE_TIMER} without activity, online becomes unavailable; otherwise this, unchanged. */
    public Presence idle(Instant now) {
        if (state != PresenceState.ONLINE || lastActive == null
                || !lastActive.plus(IDLE_TIMER).isBefore(now)) {
            return this;
        }
        return new Presence(PresenceState.UNAVAILABLE, statusMsg, lastActive, false);
    }

    /**
     * The {@code m.presence} content and the body of {@code GET /presence/{userId}/status}: {@code presence}, plus
     * {@code last_active_ago} (when ever active), {@code status_msg} (when set) and {@code currently_active} (when
     * online), as Synapse's {@code format_user_presence_state}.
     */
    public JsonObject content(Instant now) {
        JsonObject.Builder content = JsonObject.builder().put("presence", state.value());
        if (lastActive != null) {
            content.put("last_active_ago", Math.max(0, Duration.between(lastActive, now).toMillis()));
        }
        if (statusMsg != null && !statusMsg.isEmpty()) {
            content.put("status_msg", statusMsg);
        }
        if (state == PresenceState.ONLINE) {
            content.put("currently_active", currentlyActive);
        }
        return content.build();
    }

    private boolean movedBeyondGranularity(Presence old) {
        if (lastActive == null) {
            return false;
        }
        return old.lastActive == null
                || Duration.between(old.lastActive, lastActive).compareTo(LAST_ACTIVE_GRANULARITY) > 0;
    }

    private static boolean isRecent(Instant active, Instant now) {
        return active != null && Duration.between(active, now).compareTo(LAST_ACTIVE_GRANULARITY) < 0;
    }
}
