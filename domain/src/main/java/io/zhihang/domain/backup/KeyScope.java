package io.zhihang.domain.backup;

/**
 * Which keys of a backup a request reads or deletes: all of them ({@code /room_keys/keys}), one room's
 * ({@code /room_keys/keys/{roomId}}) or one session's ({@code /room_keys/keys/{roomId}/{sessionId}}).
 * {@code roomId} is null for all keys; {@code sessionId} is null unless one session is meant.
 */
public record KeyScope(String roomId, String sessionId) {
    public static final KeyScope ALL = new KeyScope(null, null);

    public KeyScope {
        if (roomId != null) {
            BackupSession.checkRoomId(roomId);
        }
        if (sessionId != null) {
            if (roomId == null) {
                throw new IllegalArgumentException("A session scope needs its room");
            }
            BackupSession.check("session id", sessionId);
        }
    }

    public static KeyScope room(String roomId) {
        return new KeyScope(roomId, null);
    }

    public static KeyScope session(String roomId, String sessionId) {
        return new KeyScope(roomId, sessionId);
    }

    /** Whether a key of {@code session} falls within this scope. */
    public boolean covers(BackupSession session) {
        return (roomId == null || roomId.equals(session.roomId()))
                && (sessionId == null || sessionId.equals(session.sessionId()));
    }
}
