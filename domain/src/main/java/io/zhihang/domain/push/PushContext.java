package io.zhihang.domain.push;

import io.zhihang.domain.room.PowerLevels;

/**
 * What push rules need to know besides the event: whose rules they are, that user's display name in the room
 * (null if none), the number of joined members and the room's power levels.
 */
public record PushContext(String userId, String displayName, long roomMemberCount, PowerLevels powerLevels) {

    /** {@code sender_notification_permission}: the sender's level reaches {@code notifications[key]}. */
    public boolean senderMayNotify(String sender, String key) {
        return powerLevels.userMayNotify(sender, key);
    }
}
