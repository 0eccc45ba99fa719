package io.zhihang.domain.room;

import io.zhihang.domain.protocol.json.JsonObject;

/**
 * {@code m.room.guest_access}: guests may join a room only while its content says {@code can_join}; a missing event
 * or any other value keeps them out.
 */
public final class GuestAccess {
    public static final String TYPE = "m.room.guest_access";
    public static final StateKey KEY = new StateKey(TYPE, "");

    private GuestAccess() {
    }

    /** Whether a {@code m.room.guest_access} content lets guests join. */
    public static boolean letsGuestsJoin(JsonObject content) {
        return content != null && "can_join".equals(content.string("guest_access").orElse(null));
    }
}
