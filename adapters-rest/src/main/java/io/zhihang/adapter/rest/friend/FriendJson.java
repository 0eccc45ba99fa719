package io.zhihang.adapter.rest.friend;

import io.zhihang.adapter.rest.json.Fields;
import io.zhihang.adapter.rest.json.QueryParams;
import io.zhihang.application.port.in.friendship.UserCard;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the friend resources share: user ids from paths and bodies, limits, and a user's JSON. */
final class FriendJson {
    static final String ROOT = "/_synapse/enhanced";

    private FriendJson() {
    }

    /** A user id as given; a malformed one is {@code 400 M_INVALID_PARAM}. */
    static UserId user(String raw) {
        try {
            return UserId.parse(raw);
        } catch (DomainException e) {
            throw DomainException.invalidParam("Invalid user id: " + raw);
        }
    }

    /** The body's {@code user_id}: absent or malformed is {@code 400 M_INVALID_PARAM}. */
    static UserId bodyUser(JsonObject body) {
        String raw = Fields.string(body, "user_id");
        if (raw == null) {
            throw DomainException.invalidParam("The body needs a 'user_id'");
        }
        return user(raw);
    }

    static List<UserId> users(JsonObject body, String key) {
        return Fields.strings(body, key).stream().map(FriendJson::user).toList();
    }

    /** {@code limit}: {@code defaultValue} when absent, at most {@code max}, at least 1. */
    static int limit(String raw, int defaultValue, int max) {
        return Math.max(1, Math.min(max, QueryParams.limit(raw, defaultValue)));
    }

    static Map<String, Object> card(UserCard user) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user_id", user.userId());
        out.put("display_name", user.displayName());
        out.put("avatar_url", user.avatarUrl());
        return out;
    }
}
