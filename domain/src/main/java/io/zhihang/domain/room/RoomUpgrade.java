package io.zhihang.domain.room;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The content rules of a room upgrade ({@code POST /rooms/{roomId}/upgrade}), after Synapse's
 * {@code RoomCreationHandler.upgrade_room}: which state the new room inherits, how the upgrading user is lifted high
 * enough to write it, and how the old room is quietened afterwards.
 */
public final class RoomUpgrade {
    public static final String TOMBSTONE = "m.room.tombstone";
    public static final StateKey TOMBSTONE_KEY = new StateKey(TOMBSTONE, "");

    /** How long a repeated request counts as a retry of the upgrade just made (Synapse caches the answer as long). */
    public static final Duration RETRY_WINDOW = Duration.ofMinutes(5);

    /** The room-wide state copied into the replacement room (Synapse's {@code types_to_copy}). */
    public static final List<String> TRANSFERABLE_STATE = List.of("m.room.join_rules", "m.room.name", "m.room.topic",
            "m.room.history_visibility", "m.room.guest_access", "m.room.avatar", "m.room.encryption",
            "m.room.server_acl", RoomEventTypes.POWER_LEVELS);

    /** The level the old room's {@code invite} and {@code events_default} are raised to at least. */
    static final long MODERATOR = 50;

    private static final Set<String> THRESHOLDS = Set.of("ban", "invite", "kick", "redact", "events_default",
            "state_default", "users_default");
    private static final Set<String> LEVEL_MAPS = Set.of("events", "users", "notifications");

    private RoomUpgrade() {
    }

    /**
     * Whether an upgrade request is a retry of the one that sent this tombstone: same user, within
     * {@link #RETRY_WINDOW}. A retry is answered with the replacement it made, rather than with a second one.
     */
    public static boolean isRetry(Pdu tombstone, String upgrader, Instant now) {
        Instant sent = Instant.ofEpochMilli(tombstone.originServerTs());
        return tombstone.sender().equals(upgrader) && now.isBefore(sent.plus(RETRY_WINDOW));
    }

    /** The tombstone that points the old room's members to the replacement. */
    public static JsonObject tombstone(String replacementRoomId) {
        return JsonObject.builder().put("body", "This room has been replaced")
                .put("replacement_room", replacementRoomId).build();
    }

    /**
     * The replacement's {@code creation_content}: the predecessor (the old room and, unless {@code lastEventId} is null
     * as from v12, its last event: the tombstone), plus the old room's {@code type} and a {@code m.federate: false},
     * which must survive the upgrade.
     */
    public static JsonObject creationContent(JsonObject oldCreateContent, String oldRoomId, String lastEventId) {
        JsonObject.Builder predecessor = JsonObject.builder().put("room_id", oldRoomId);
        if (lastEventId != null) {
            predecessor.put("event_id", lastEventId);
        }
        JsonObject.Builder content = JsonObject.builder().put("predecessor", predecessor.build());
        oldCreateContent.string("type").ifPresent(type -> content.put("type", type));
        if (!oldCreateContent.bool("m.federate").orElse(true)) {
            content.put("m.federate", false);
        }
        return content.build();
    }

    /**
     * Power levels content with every level written as a JSON integer, so that it is valid in any newer room version
     * (before v10, levels may be strings). Values that are not levels are dropped; other keys are kept.
     */
    public static JsonObject normalisedPowerLevels(JsonObject content, RoomVersion version) {
        JsonObject.Builder out = content.toBuilder();
        for (String key : THRESHOLDS) {
            content.get(key).ifPresent(v -> PowerLevelNumbers.read(v, version)
                    .ifPresentOrElse(n -> out.put(key, n), () -> out.remove(key)));
        }
        for (String key : LEVEL_MAPS) {
            if (content.has(key)) {
                JsonObject.Builder levels = JsonObject.builder();
                PowerLevels.numbers(content, key, version).forEach(levels::put);
                out.put(key, levels.build());
            }
        }
        return out.build();
    }

    /**
     * Power levels without {@code user} in {@code users}: from v12 the upgrader creates the new room, and a creator's
     * power is unlimited and may not be written down.
     */
    public static JsonObject withoutUser(JsonObject powerLevels, String user) {
        return powerLevels.object("users")
                .filter(users -> users.has(user))
                .map(users -> {
                    JsonObject.Builder rest = JsonObject.builder();
                    users.members().forEach((id, level) -> {
                        if (!id.equals(user)) {
                            rest.put(id, level);
                        }
                    });
                    return powerLevels.with("users", rest.build());
                })
                .orElse(powerLevels);
    }

    /**
     * The (normalised) power levels with the upgrading user lifted, if needed, to the level that every piece of
     * state and every ban needs: {@code max(state_default, ban, events[*])}. The replacement room starts with these,
     * and gets the old levels back once the state is copied.
     */
    public static JsonObject raisedFor(JsonObject powerLevels, String upgrader) {
        long needed = Math.max(threshold(powerLevels, "state_default", PowerLevels.DEFAULT_STATE_DEFAULT),
                threshold(powerLevels, "ban", PowerLevels.DEFAULT_BAN));
        for (long level : levels(powerLevels, "events").values()) {
            needed = Math.max(needed, level);
        }
        Map<String, Long> users = levels(powerLevels, "users");
        long current = users.getOrDefault(upgrader,
                threshold(powerLevels, "users_default", PowerLevels.DEFAULT_USERS_DEFAULT));
        if (current >= needed) {
            return powerLevels;
        }
        JsonObject raisedUsers = powerLevels.object("users").orElse(JsonObject.EMPTY).toBuilder()
                .put(upgrader, needed).build();
        return powerLevels.with("users", raisedUsers);
    }

    /**
     * The old room's (normalised) power levels after the upgrade: sending messages and inviting need a moderator,
     * that is {@code max(50, users_default + 1)}. Empty if both were that high already.
     */
    public static Optional<JsonObject> restrictedOldRoom(JsonObject powerLevels) {
        long restricted = Math.max(MODERATOR,
                threshold(powerLevels, "users_default", PowerLevels.DEFAULT_USERS_DEFAULT) + 1);
        JsonObject.Builder out = powerLevels.toBuilder();
        boolean changed = false;
        for (String key : List.of("invite", "events_default")) {
            if (threshold(powerLevels, key, 0) < restricted) {
                out.put(key, restricted);
                changed = true;
            }
        }
        return changed ? Optional.of(out.build()) : Optional.empty();
    }

    private static long threshold(JsonObject normalised, String key, long fallback) {
        return normalised.number(key).orElse(fallback);
    }

    private static Map<String, Long> levels(JsonObject normalised, String key) {
        return PowerLevels.numbers(normalised, key, RoomVersion.V10);
    }
}
