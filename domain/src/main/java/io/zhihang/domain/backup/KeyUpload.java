package io.zhihang.domain.backup;

import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The keys of one {@code PUT /room_keys/keys…} request, whichever of the three levels it came through, checked
 * before anything is stored: a body of the wrong shape is {@code 400 M_BAD_JSON}.
 */
public record KeyUpload(Map<BackupSession, BackedUpKey> keys) {
    public KeyUpload {
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    /** {@code PUT /room_keys/keys}: {@code {"rooms": {roomId: {"sessions": {sessionId: KeyBackupData}}}}}. */
    public static KeyUpload ofAll(JsonObject body) {
        Map<BackupSession, BackedUpKey> keys = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> room : members(body, "rooms", "").entrySet()) {
            String roomId = BackupSession.checkRoomId(room.getKey());
            String where = "rooms." + roomId;
            if (!(room.getValue() instanceof JsonObject roomBackup)) {
                throw DomainException.badJson(where + " must be an object");
            }
            addSessions(keys, roomId, roomBackup, where + ".");
        }
        return new KeyUpload(keys);
    }

    /** {@code PUT /room_keys/keys/{roomId}}: {@code {"sessions": {sessionId: KeyBackupData}}}. */
    public static KeyUpload ofRoom(String roomId, JsonObject body) {
        Map<BackupSession, BackedUpKey> keys = new LinkedHashMap<>();
        addSessions(keys, BackupSession.checkRoomId(roomId), body, "");
        return new KeyUpload(keys);
    }

    /** {@code PUT /room_keys/keys/{roomId}/{sessionId}}: the {@code KeyBackupData} itself. */
    public static KeyUpload ofSession(String roomId, String sessionId, JsonObject body) {
        return new KeyUpload(Map.of(new BackupSession(roomId, sessionId), BackedUpKey.parse(body, "body")));
    }

    public Set<BackupSession> sessions() {
        return keys.keySet();
    }

    /**
     * What storing these keys changes in a backup that already holds {@code stored} (the stored keys of at least
     * the uploaded sessions): keys of new sessions are added, and a stored key is replaced only where the uploaded
     * one {@linkplain BackedUpKey#replaces wins}.
     */
    public KeyChanges against(Map<BackupSession, BackedUpKey> stored) {
        Map<BackupSession, BackedUpKey> added = new LinkedHashMap<>();
        Map<BackupSession, BackedUpKey> replaced = new LinkedHashMap<>();
        keys.forEach((session, key) -> {
            BackedUpKey old = stored.get(session);
            if (old == null) {
                added.put(session, key);
            } else if (key.replaces(old)) {
                replaced.put(session, key);
            }
        });
        return new KeyChanges(added, replaced);
    }

    private static void addSessions(Map<BackupSession, BackedUpKey> keys, String roomId, JsonObject roomBackup,
                                    String where) {
        for (Map.Entry<String, JsonValue> session : members(roomBackup, "sessions", where).entrySet()) {
            String sessionWhere = where + "sessions." + session.getKey();
            if (!(session.getValue() instanceof JsonObject key)) {
                throw DomainException.badJson(sessionWhere + " must be an object");
            }
            keys.put(new BackupSession(roomId, session.getKey()), BackedUpKey.parse(key, sessionWhere));
        }
    }

    private static Map<String, JsonValue> members(JsonObject parent, String member, String where) {
        if (!(parent.members().get(member) instanceof JsonObject object)) {
            throw DomainException.badJson(where + member + " must be an object");
        }
        return object.members();
    }
}
