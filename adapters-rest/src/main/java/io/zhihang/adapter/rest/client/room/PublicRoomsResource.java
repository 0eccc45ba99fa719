package io.zhihang.adapter.rest.client.room;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.Fields;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.room.PublicRoomQueries;
import io.zhihang.application.port.in.room.PublicRoomsPage;
import io.zhihang.application.port.in.room.PublicRoomsQuery;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET} and {@code POST /publicRooms}: the public room directory. */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class PublicRoomsResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final PublicRoomQueries directory;

    public PublicRoomsResource(Authenticator auth, JsonBodies json, PublicRoomQueries directory) {
        this.auth = auth;
        this.json = json;
        this.directory = directory;
    }

    /** Open to anyone (the spec names no security for it); a token, if sent, must be valid. */
    @GET
    @Path("v3/publicRooms")
    public Map<String, Object> list(@QueryParam("limit") String limit, @QueryParam("since") String since,
                                    @QueryParam("server") String server, @Context HttpServerRequest request) {
        auth.optional(request);
        return response(directory.publicRooms(
                new PublicRoomsQuery(parseLimit(limit), since, null, null, false, null, server)));
    }

    @POST
    @Path("v3/publicRooms")
    public Map<String, Object> search(@QueryParam("server") String server, byte[] body,
                                      @Context HttpServerRequest request) {
        auth.requireAllowingGuests(request);
        JsonObject b = json.readObject(body);
        JsonObject filter = Fields.object(b, "filter");
        JsonObject f = filter == null ? JsonObject.EMPTY : filter;
        return response(directory.publicRooms(new PublicRoomsQuery(Fields.integer(b, "limit"),
                Fields.string(b, "since"), Fields.string(f, "generic_search_term"),
                Fields.stringsOrNulls(f, "room_types"), Fields.bool(b, "include_all_networks"),
                Fields.string(b, "third_party_instance_id"), server)));
    }

    private static Map<String, Object> response(PublicRoomsPage page) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("chunk", page.chunk().stream().map(PublicRoomsResource::entry).toList());
        if (page.nextBatch() != null) {
            response.put("next_batch", page.nextBatch());
        }
        if (page.prevBatch() != null) {
            response.put("prev_batch", page.prevBatch());
        }
        response.put("total_room_count_estimate", page.totalRoomCountEstimate());
        return response;
    }

    private static Map<String, Object> entry(PublicRoomsPage.PublicRoom room) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("room_id", room.roomId());
        putIfPresent(entry, "name", room.name());
        putIfPresent(entry, "topic", room.topic());
        putIfPresent(entry, "canonical_alias", room.canonicalAlias());
        entry.put("num_joined_members", room.numJoinedMembers());
        entry.put("world_readable", room.worldReadable());
        entry.put("guest_can_join", room.guestCanJoin());
        putIfPresent(entry, "join_rule", room.joinRule());
        putIfPresent(entry, "avatar_url", room.avatarUrl());
        putIfPresent(entry, "room_type", room.roomType());
        return entry;
    }

    private static void putIfPresent(Map<String, Object> entry, String key, String value) {
        if (value != null) {
            entry.put(key, value);
        }
    }

    private static Integer parseLimit(String limit) {
        if (limit == null) {
            return null;
        }
        try {
            return Integer.valueOf(limit);
        } catch (NumberFormatException e) {
            throw DomainException.invalidParam("limit must be an integer");
        }
    }
}
