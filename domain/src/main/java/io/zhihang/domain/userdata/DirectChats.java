package io.zhihang.domain.userdata;

import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user's direct chats as clients record them: the global account data {@code m.direct}, {@code {user_id: [room
 * ids]}}. Entries that are not arrays of strings are kept as they are but list no room.
 */
public record DirectChats(JsonObject content) {
    public static final String TYPE = "m.direct";
    public static final DirectChats NONE = new DirectChats(JsonObject.EMPTY);

    /** Whether a member event's content is an invite marked {@code is_direct} (an invite to a direct chat). */
    public static boolean isDirectInvite(JsonObject memberContent) {
        return "invite".equals(memberContent.string("membership").orElse(null))
                && memberContent.bool("is_direct").orElse(false);
    }

    /** The rooms listed for {@code userId}, in the order written. */
    public List<String> roomsWith(String userId) {
        return content.array(userId).map(DirectChats::strings).orElse(List.of());
    }

    /** Whether {@code roomId} is listed for anyone. */
    public boolean lists(String roomId) {
        return partnerIn(roomId).isPresent();
    }

    /** The first user under whom {@code roomId} is listed. */
    public Optional<String> partnerIn(String roomId) {
        for (Map.Entry<String, JsonValue> entry : content.members().entrySet()) {
            if (entry.getValue() instanceof JsonArray rooms && strings(rooms).contains(roomId)) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    /** Every (user, room) pair listed, in the order written. */
    public Map<String, List<String>> all() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : content.members().entrySet()) {
            if (entry.getValue() instanceof JsonArray rooms) {
                out.put(entry.getKey(), strings(rooms));
            }
        }
        return out;
    }

    /** The same list with {@code roomId} added under {@code userId} (itself if already there). */
    public DirectChats with(String userId, String roomId) {
        if (roomsWith(userId).contains(roomId)) {
            return this;
        }
        List<JsonValue> rooms = new ArrayList<>(content.array(userId).map(JsonArray::items).orElse(List.of()));
        rooms.add(JsonString.of(roomId));
        return new DirectChats(content.with(userId, new JsonArray(rooms)));
    }

    private static List<String> strings(JsonArray array) {
        return array.items().stream().filter(v -> v instanceof JsonString).map(v -> ((JsonString) v).value())
                .toList();
    }
}
