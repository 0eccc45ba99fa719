package io.zhihang.application.port.in.userdata;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;

/**
 * Room tags ({@code /user/{userId}/rooms/{roomId}/tags}), kept as the room account data {@code m.tag}
 * ({@code {"tags": {name: info}}}), so they reach sync as room account data. Only for oneself
 * ({@code 403 M_FORBIDDEN}).
 */
public interface RoomTagsUseCase {
    /** The tags object ({@code {name: info}}), empty when the room has none. */
    JsonObject tags(Requester requester, String userId, String roomId);

    /**
     * Sets a tag with its info ({@code {"order": 0.5}}; {@code order} must be a number). The user must have some
     * membership in the room ({@code 403} otherwise); a tag over 255 bytes is {@code 400 M_INVALID_PARAM}.
     */
    void putTag(Requester requester, String userId, String roomId, String tag, JsonObject info);

    /** Removes a tag; removing one that is not there changes nothing. */
    void deleteTag(Requester requester, String userId, String roomId, String tag);
}
