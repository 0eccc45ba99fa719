package io.zhihang.domain.backup;

import io.zhihang.domain.shared.DomainException;

/**
 * The megolm session a backed-up key belongs to: its room and its session id. Both are opaque to the server (as in
 * Synapse, the room need not be known here); they must not be empty and fit the store ({@code 400 M_INVALID_PARAM}).
 */
public record BackupSession(String roomId, String sessionId) {
    public static final int MAX_LENGTH = 255;

    public BackupSession {
        checkRoomId(roomId);
        check("session id", sessionId);
    }

    /** A room id as a backup names it: not empty, at most {@value #MAX_LENGTH} characters. */
    public static String checkRoomId(String roomId) {
        return check("room id", roomId);
    }

    static String check(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw DomainException.invalidParam("The " + what + " must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw DomainException.invalidParam("The " + what + " is longer than " + MAX_LENGTH + " characters");
        }
        return value;
    }
}
