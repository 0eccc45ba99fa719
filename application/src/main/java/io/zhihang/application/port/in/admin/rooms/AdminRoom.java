package io.zhihang.application.port.in.admin.rooms;

/**
 * A room as the admin API shows it (Synapse's room list and room details fields). {@code joinedLocalDevices},
 * {@code forgotten}, {@code tombstoned} and {@code replacementRoom} are filled for the details only.
 */
public record AdminRoom(String roomId, String name, String topic, String avatar, String canonicalAlias,
                        long joinedMembers, long joinedLocalMembers, long joinedLocalDevices, String version,
                        String creator, String encryption, boolean federatable, boolean isPublic, String joinRules,
                        String guestAccess, String historyVisibility, long stateEvents, String roomType,
                        boolean forgotten, boolean tombstoned, String replacementRoom) {
}
