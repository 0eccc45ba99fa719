package io.zhihang.domain.room;

import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonValue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The {@code m.room.power_levels} rules: 9.1–9.10 in v10/v11, 10.1–10.10 in v12 (10.x in v1–v9). */
final class PowerLevelsChangeRules {
    static final List<String> THRESHOLDS =
            List.of("users_default", "events_default", "state_default", "ban", "redact", "kick", "invite");

    private PowerLevelsChangeRules() {
    }

    /** Rules 9.1–9.3 (v12: 10.1–10.4): the shape of new content, without looking at the current levels. */
    static Decision checkContent(JsonObject content, RoomVersion version, Set<String> creators) {
        for (String key : THRESHOLDS) {
            Optional<JsonValue> value = content.get(key);
            if (value.isPresent() && PowerLevelNumbers.read(value.get(), version).isEmpty()) {
                return Decision.deny("Power level '" + key + "' is not an integer");
            }
        }
        for (String key : levelMaps(version)) {
            Optional<JsonValue> value = content.get(key);
            if (value.isPresent() && !isObjectOfLevels(value.get(), version)) {
                return Decision.deny("Power levels '" + key + "' is not an object of integers");
            }
        }
        Optional<JsonValue> users = content.get("users");
        if (users.isPresent()) {
            if (!isObjectOfLevels(users.get(), version)) {
                return Decision.deny("Power levels 'users' is not an object of integers");
            }
            for (String userId : ((JsonObject) users.get()).members().keySet()) {
                if (!Ids.isValidUserId(userId)) {
                    return Decision.deny("Power levels 'users' has an invalid user id: " + userId);
                }
                if (version.privilegedCreators() && creators.contains(userId)) {
                    return Decision.deny("Power levels 'users' may not name the room creator " + userId);
                }
            }
        }
        return Decision.allow();
    }

    /**
     * Rules 9.5–9.10 (v12: 10.6–10.10): what a sender at {@code senderLevel} may alter between the current and the new
     * content. Values are compared as levels, so {@code "50"} and {@code 50} (before v10) are no alteration.
     */
    static Decision checkChange(JsonObject current, JsonObject proposed, String sender, long senderLevel,
                                RoomVersion version) {
        for (String key : THRESHOLDS) {
            Optional<Long> before = PowerLevels.level(current, key, version);
            Optional<Long> after = PowerLevels.level(proposed, key, version);
            if (before.equals(after)) {
                continue;
            }
            if (before.isPresent() && before.get() > senderLevel) {
                return Decision.deny("Cannot change '" + key + "' from " + before.get()
                        + ", which is above your level " + senderLevel);
            }
            if (after.isPresent() && after.get() > senderLevel) {
                return Decision.deny("Cannot set '" + key + "' to " + after.get()
                        + ", which is above your level " + senderLevel);
            }
        }
        for (String mapKey : List.of("events", "notifications")) {
            if (mapKey.equals("notifications") && !version.limitNotificationsPowerLevels()) {
                continue;
            }
            Map<String, Long> before = PowerLevels.numbers(current, mapKey, version);
            Map<String, Long> after = PowerLevels.numbers(proposed, mapKey, version);
            for (String key : union(before, after)) {
                Long old = before.get(key);
                Long now = after.get(key);
                if (Objects.equals(old, now)) {
                    continue;
                }
                if (old != null && old > senderLevel) {
                    return Decision.deny("Cannot change the level of " + mapKey + " '" + key + "' from " + old
                            + ", which is above your level " + senderLevel);
                }
                if (now != null && now > senderLevel) {
                    return Decision.deny("Cannot set the level of " + mapKey + " '" + key + "' to " + now
                            + ", which is above your level " + senderLevel);
                }
            }
        }
        Map<String, Long> before = PowerLevels.numbers(current, "users", version);
        Map<String, Long> after = PowerLevels.numbers(proposed, "users", version);
        for (String user : union(before, after)) {
            Long old = before.get(user);
            Long now = after.get(user);
            if (Objects.equals(old, now)) {
                continue;
            }
            if (!user.equals(sender) && old != null && old >= senderLevel) {
                return Decision.deny("Cannot change the level of " + user + " (" + old
                        + "), which is not below your level " + senderLevel);
            }
            if (now != null && now > senderLevel) {
                return Decision.deny("Cannot give " + user + " level " + now
                        + ", which is above your level " + senderLevel);
            }
        }
        return Decision.allow();
    }

    private static List<String> levelMaps(RoomVersion version) {
        return version.limitNotificationsPowerLevels() ? List.of("events", "notifications") : List.of("events");
    }

    private static boolean isObjectOfLevels(JsonValue value, RoomVersion version) {
        return value instanceof JsonObject o && o.members().values().stream()
                .allMatch(v -> PowerLevelNumbers.read(v, version).isPresent());
    }

    private static Set<String> union(Map<String, Long> a, Map<String, Long> b) {
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
