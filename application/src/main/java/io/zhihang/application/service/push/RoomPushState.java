package io.zhihang.application.service.push;

import io.zhihang.domain.room.PowerLevels;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * What push rules need to know of a room's state: its joined members with their display names (null if none) and
 * its power levels. The member count of {@code room_member_count} is the number of joined members.
 */
public record RoomPushState(Map<String, String> joined, PowerLevels powerLevels) {
    public RoomPushState {
        joined = Collections.unmodifiableMap(new HashMap<>(joined));
    }

    public long memberCount() {
        return joined.size();
    }

    public String displayName(String userId) {
        return joined.get(userId);
    }
}
