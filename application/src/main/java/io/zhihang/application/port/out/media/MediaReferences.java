package io.zhihang.application.port.out.media;

import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.RoomId;

import java.util.List;
import java.util.Set;

/** Where media is referred to: in a room's events, and as avatars (of users and of rooms). */
public interface MediaReferences {
    /** The content of every event in the room that may name media (unencrypted events mentioning {@code mxc://}). */
    List<JsonObject> contentsInRoom(RoomId roomId);

    /** Whether the room is known here. */
    boolean roomExists(RoomId roomId);

    /** Every {@code mxc://} URI used as a user's or a room's current avatar. */
    Set<String> avatarUris();
}
