package io.zhihang.application.service.userdata;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.RoomId;

/** The checks every account-data and tag request starts with, in Synapse's order. */
final class OwnData {
    private OwnData() {
    }

    /** Account data is the user's own: nobody else may read or write it, not even an admin ({@code 403}). */
    static void ensureOwner(Requester requester, String userId, String action) {
        if (!requester.userId().toString().equals(userId)) {
            throw DomainException.forbidden("Cannot " + action + " for other users.");
        }
    }

    /** The room id as given, or null for global data; a malformed one is {@code 400 M_INVALID_PARAM}. */
    static String roomId(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return RoomId.parse(raw).value();
        } catch (DomainException e) {
            throw DomainException.invalidParam(raw + " is not a valid room ID");
        }
    }
}
