package io.zhihang.application.service.friendship;

import io.zhihang.application.port.in.userdata.ServerAccountDataUseCase;
import io.zhihang.application.port.out.friendship.FriendshipRepository;
import io.zhihang.domain.friendship.FriendRequest;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The addressee's pending requests as their global account data {@value #TYPE}
 * ({@code {"requests":[{request_id, sender, message?, created_ts}]}}, oldest first), rewritten after every change so
 * that {@code /sync} brings it to their clients.
 */
@ApplicationScoped
public class FriendRequestInbox {
    public static final String TYPE = "io.zhihang.friend_requests";

    private final FriendshipRepository friendships;
    private final ServerAccountDataUseCase accountData;

    public FriendRequestInbox(FriendshipRepository friendships, ServerAccountDataUseCase accountData) {
        this.friendships = friendships;
        this.accountData = accountData;
    }

    public void refresh(UserId addressee) {
        List<JsonValue> requests = friendships.pendingTo(addressee).stream().<JsonValue>map(FriendRequestInbox::entry)
                .toList();
        accountData.put(addressee, TYPE, JsonObject.builder().put("requests", new JsonArray(requests)).build());
    }

    private static JsonObject entry(FriendRequest request) {
        JsonObject.Builder entry = JsonObject.builder().put("request_id", request.id())
                .put("sender", request.from().toString());
        if (request.message() != null) {
            entry.put("message", request.message());
        }
        return entry.put("created_ts", request.sentAt().toEpochMilli()).build();
    }
}
