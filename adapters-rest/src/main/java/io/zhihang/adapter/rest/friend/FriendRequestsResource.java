package io.zhihang.adapter.rest.friend;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.Fields;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.friendship.FriendRequestLists;
import io.zhihang.application.port.in.friendship.FriendRequestView;
import io.zhihang.application.port.in.friendship.FriendRequestsUseCase;
import io.zhihang.application.port.in.friendship.RequestAnswer;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.UserId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Friend requests: {@code POST /friend/request/{user_id}} (the addressee), {@code GET /friend/requests/{user_id}},
 * {@code POST /friend/request/{request_id}/accept} and {@code …/decline}.
 */
@Path(FriendJson.ROOT + "/friend")
@Produces(MediaType.APPLICATION_JSON)
public class FriendRequestsResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final FriendRequestsUseCase requests;

    public FriendRequestsResource(Authenticator auth, JsonBodies json, FriendRequestsUseCase requests) {
        this.auth = auth;
        this.json = json;
        this.requests = requests;
    }

    @POST
    @Path("request/{userId}")
    public Map<String, Object> send(@PathParam("userId") String userId, byte[] body,
                                    @Context HttpServerRequest request) {
        var requester = auth.require(request);
        JsonObject in = json.readClientData(body, true);
        UserId addressee = FriendJson.user(userId);
        if (addressee.equals(requester.userId()) && in.has("user_id")) {
            addressee = FriendJson.bodyUser(in); // the seed's older form: the path names the sender
        }
        return answer(requests.send(requester, addressee, Fields.string(in, "message")));
    }

    @GET
    @Path("requests/{userId}")
    public Map<String, Object> list(@PathParam("userId") String userId, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        FriendRequestLists lists = requests.list(requester, FriendJson.user(userId));
        List<Map<String, Object>> incoming = lists.incoming().stream().map(FriendRequestsResource::view).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("incoming", incoming);
        out.put("outgoing", lists.outgoing().stream().map(FriendRequestsResource::view).toList());
        out.put("requests", incoming);
        out.put("count", incoming.size());
        return out;
    }

    @POST
    @Path("request/{requestId}/accept")
    public Map<String, Object> accept(@PathParam("requestId") String requestId, @Context HttpServerRequest request) {
        return answer(requests.accept(auth.require(request), requestId));
    }

    @POST
    @Path("request/{requestId}/decline")
    public Map<String, Object> decline(@PathParam("requestId") String requestId,
                                       @Context HttpServerRequest request) {
        return answer(requests.decline(auth.require(request), requestId));
    }

    private static Map<String, Object> answer(RequestAnswer answer) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("request_id", answer.requestId());
        out.put("status", answer.status());
        if (answer.roomId() != null) {
            out.put("room_id", answer.roomId());
        }
        return out;
    }

    private static Map<String, Object> view(FriendRequestView r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("request_id", r.requestId());
        out.put("sender", FriendJson.card(r.sender()));
        out.put("addressee", r.addressee());
        out.put("message", r.message());
        out.put("created_ts", r.created().toEpochMilli());
        out.put("status", r.status());
        return out;
    }
}
