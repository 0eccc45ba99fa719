package io.zhihang.domain.room;

import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The power levels in force in a room, read from {@code m.room.power_levels} content (like ruma's
 * {@code RoomPowerLevels}), or the defaults when the room has no such event.
 * <p>
 * Room creators (v12+: the create event's {@code sender} plus {@code content.additional_creators}) have an infinitely
 * high level, modelled as {@link #INFINITE}: no value a power levels event can hold (at most 2<sup>53</sup>−1) reaches it,
 * so "at least", "above" and "below" comparisons all come out as the spec says, and two creators are equal. Before v12
 * {@link #creators()} is empty and the creator is just a user with 100 when there is no power levels event.
 *
 * @param users         explicit user levels (never containing a creator in v12+)
 * @param events        explicit levels for event types
 * @param notifications explicit levels for notification keys ({@code room})
 * @param creators      users with infinite power (v12+), empty before
 */
public record PowerLevels(long ban,
                          long invite,
                          long kick,
                          long redact,
                          long eventsDefault,
                          long stateDefault,
                          long usersDefault,
                          Map<String, Long> events,
                          Map<String, Long> users,
                          Map<String, Long> notifications,
                          Set<String> creators) {

    /** The level of a room creator in v12+: above any level a power levels event can give. */
    public static final long INFINITE = Long.MAX_VALUE;

    public static final long DEFAULT_BAN = 50;
    public static final long DEFAULT_INVITE = 0;
    public static final long DEFAULT_KICK = 50;
    public static final long DEFAULT_REDACT = 50;
    public static final long DEFAULT_EVENTS_DEFAULT = 0;
    public static final long DEFAULT_STATE_DEFAULT = 50;
    public static final long DEFAULT_USERS_DEFAULT = 0;
    /** The level of each key in {@code notifications} not given (the spec defines {@code room}, default 50). */
    public static final long DEFAULT_NOTIFICATION = 50;
    /** The creator's level in a room without a power levels event, before v12. */
    public static final long DEFAULT_CREATOR_LEVEL = 100;

    public static final String ROOM_NOTIFICATION = "room";

    public PowerLevels {
        events = Map.copyOf(events);
        users = Map.copyOf(users);
        notifications = Map.copyOf(notifications);
        creators = Set.copyOf(creators);
    }

    /**
     * The levels of a room without an {@code m.room.power_levels} event: before v12 the creator has 100 and everybody
     * else 0; from v12 the creators have infinite power and everybody else 0. Thresholds take their schema defaults.
     */
    public static PowerLevels defaults(RoomVersion version, Set<String> creators) {
        Map<String, Long> users = new LinkedHashMap<>();
        if (!version.privilegedCreators()) {
            creators.forEach(c -> users.put(c, DEFAULT_CREATOR_LEVEL));
        }
        return new PowerLevels(DEFAULT_BAN, DEFAULT_INVITE, DEFAULT_KICK, DEFAULT_REDACT, DEFAULT_EVENTS_DEFAULT,
                DEFAULT_STATE_DEFAULT, DEFAULT_USERS_DEFAULT, Map.of(), users, Map.of(),
                version.privilegedCreators() ? creators : Set.of());
    }

    /**
     * Reads the content of an accepted {@code m.room.power_levels} event. Reading is lenient: a value that is not a
     * power level for this room version counts as absent (the event would not have passed {@link #checkContent}).
     *
     * @param creators the room's creators; used from v12 only
     */
    public static PowerLevels fromContent(JsonObject content, RoomVersion version, Set<String> creators) {
        Set<String> privileged = version.privilegedCreators() ? creators : Set.of();
        Map<String, Long> users = numbers(content, "users", version);
        users.keySet().removeAll(privileged);
        return new PowerLevels(
                level(content, "ban", version).orElse(DEFAULT_BAN),
                level(content, "invite", version).orElse(DEFAULT_INVITE),
                level(content, "kick", version).orElse(DEFAULT_KICK),
                level(content, "redact", version).orElse(DEFAULT_REDACT),
                level(content, "events_default", version).orElse(DEFAULT_EVENTS_DEFAULT),
                level(content, "state_default", version).orElse(DEFAULT_STATE_DEFAULT),
                level(content, "users_default", version).orElse(DEFAULT_USERS_DEFAULT),
                numbers(content, "events", version), users, numbers(content, "notifications", version), privileged);
    }

    /**
     * Whether content may be the content of a new {@code m.room.power_levels} event (rules 9.1–9.3 of v10/v11, 10.1–10.4
     * of v12): thresholds are power levels for this room version, {@code events} and {@code notifications} are objects
     * of power levels, {@code users} is an object of valid user ids to power levels, and (v12+) names no creator.
     * Before v10 strings holding integers pass, and the spec only demands the {@code users} check; the other checks are
     * applied too, as Synapse and ruma do, because a value that cannot be read cannot be compared.
     */
    public static Decision checkContent(JsonObject content, RoomVersion version, Set<String> creators) {
        return PowerLevelsChangeRules.checkContent(content, version, creators);
    }

    /** The user's level: infinite for a creator (v12+), else {@code users[userId]}, else {@code users_default}. */
    public long userLevel(String userId) {
        if (creators.contains(userId)) {
            return INFINITE;
        }
        return users.getOrDefault(userId, usersDefault);
    }

    public boolean isCreator(String userId) {
        return creators.contains(userId);
    }

    /** The level required to send an event: {@code events[type]}, else {@code state_default}/{@code events_default}. */
    public long eventLevel(String type, boolean isState) {
        Long explicit = events.get(type);
        if (explicit != null) {
            return explicit;
        }
        return isState ? stateDefault : eventsDefault;
    }

    /** The level required to trigger a notification of a kind, {@code room} for {@code @room}. */
    public long notifications(String key) {
        return notifications.getOrDefault(key, DEFAULT_NOTIFICATION);
    }

    /** Whether the user may trigger notifications of a kind ({@code room} for {@code @room}). */
    public boolean userMayNotify(String userId, String key) {
        return userLevel(userId) >= notifications(key);
    }

    public boolean userCanSend(String userId, String type, boolean isState) {
        return userLevel(userId) >= eventLevel(type, isState);
    }

    public boolean userCanInvite(String userId) {
        return userLevel(userId) >= invite;
    }

    /** Kicking needs the kick level and a level above the target's. */
    public boolean userCanKick(String userId, String targetUserId) {
        long level = userLevel(userId);
        return level >= kick && userLevel(targetUserId) < level;
    }

    /** Banning needs the ban level and a level above the target's. */
    public boolean userCanBan(String userId, String targetUserId) {
        long level = userLevel(userId);
        return level >= ban && userLevel(targetUserId) < level;
    }

    /** Unbanning is a kick of a banned user: it needs the ban and kick levels and a level above the target's. */
    public boolean userCanUnban(String userId, String targetUserId) {
        return userCanBan(userId, targetUserId) && userCanKick(userId, targetUserId);
    }

    /** Whether the user may redact other users' events (the redact level; sending the redaction is checked apart). */
    public boolean userCanRedactOthers(String userId) {
        return userLevel(userId) >= redact;
    }

    public boolean userCanTriggerNotification(String userId, String key) {
        return userLevel(userId) >= notifications(key);
    }

    /**
     * Whether the user may set the {@code users} entry of a user (possibly themselves) to {@code newLevel}: not above
     * their own level, and for somebody else's existing entry only if it is below their own level. Creators' levels
     * (v12+) cannot be set at all.
     */
    public boolean userCanChangeUserLevel(String userId, String targetUserId, long newLevel) {
        if (isCreator(targetUserId)) {
            return false;
        }
        long level = userLevel(userId);
        Long current = users.get(targetUserId);
        boolean othersEntryTooHigh = !userId.equals(targetUserId) && current != null && current >= level;
        return newLevel <= level && !othersEntryTooHigh;
    }

    static Optional<Long> level(JsonObject content, String key, RoomVersion version) {
        return content.get(key).flatMap(v -> PowerLevelNumbers.read(v, version));
    }

    /** The readable entries of an object of levels; an absent or malformed object reads as empty. */
    static Map<String, Long> numbers(JsonObject content, String key, RoomVersion version) {
        Map<String, Long> out = new LinkedHashMap<>();
        content.object(key).ifPresent(o -> o.members().forEach((k, v) ->
                PowerLevelNumbers.read(v, version).ifPresent(n -> out.put(k, n))));
        return out;
    }
}
