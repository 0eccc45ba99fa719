package io.zhihang.domain.room;

import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.shared.DomainException;

/**
 * The content of a member event a user asks for when joining by {@code POST /join/{roomIdOrAlias}}: the request body
 * as given, as Synapse keeps it ({@code RoomMemberHandler.update_membership}): {@code membership} is set, the
 * {@code join_authorised_via_users_server} a client must not choose is dropped, and a per-room {@code displayname}
 * (at most 256 characters) or {@code avatar_url} (at most 1000) is checked.
 */
public final class JoinContent {
    static final String AUTHORISING_USER = "join_authorised_via_users_server";
    static final int MAX_DISPLAYNAME_LENGTH = 256;
    static final int MAX_AVATAR_URL_LENGTH = 1000;

    private JoinContent() {
    }

    /** The member event content to build on (the profile is added where the request leaves it out). */
    public static JsonObject.Builder from(JsonObject requested, String membership) {
        checkLength(requested, "displayname", MAX_DISPLAYNAME_LENGTH, "Displayname");
        checkLength(requested, "avatar_url", MAX_AVATAR_URL_LENGTH, "Avatar URL");
        return requested.toBuilder().remove(AUTHORISING_USER).put("membership", membership);
    }

    private static void checkLength(JsonObject requested, String key, int max, String what) {
        if (requested.get(key).orElse(null) instanceof JsonString s && s.value().length() > max) {
            throw DomainException.badJson(what + " is too long (max " + max + ")");
        }
    }
}
