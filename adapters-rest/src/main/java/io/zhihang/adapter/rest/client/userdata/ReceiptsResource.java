package io.zhihang.adapter.rest.client.userdata;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.userdata.ReceiptsUseCase;
import io.zhihang.domain.protocol.json.JsonNull;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Read receipts and read markers. */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class ReceiptsResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final ReceiptsUseCase receipts;

    public ReceiptsResource(Authenticator auth, JsonBodies json, ReceiptsUseCase receipts) {
        this.auth = auth;
        this.json = json;
        this.receipts = receipts;
    }

    /** The body ({@code {"thread_id": …}}) may be empty; a {@code thread_id} that is not a string is refused. */
    @POST
    @Path("v3/rooms/{roomId}/receipt/{receiptType}/{eventId}")
    public Map<String, Object> receipt(@PathParam("roomId") String roomId,
                                       @PathParam("receiptType") String receiptType,
                                       @PathParam("eventId") String eventId, byte[] body,
                                       @Context HttpServerRequest request) {
        var requester = auth.require(request);
        JsonObject b = json.readClientData(body, true);
        String threadId = null;
        if (b.has("thread_id")) {
            threadId = b.string("thread_id").filter(t -> !t.isEmpty()).orElseThrow(
                    () -> DomainException.invalidParam("thread_id field must be a non-empty string"));
        }
        receipts.sendReceipt(requester, roomId, receiptType, eventId, threadId);
        return Map.of();
    }

    /** Each of {@code m.fully_read}, {@code m.read}, {@code m.read.private} is optional; other keys are ignored. */
    @POST
    @Path("v3/rooms/{roomId}/read_markers")
    public Map<String, Object> readMarkers(@PathParam("roomId") String roomId, byte[] body,
                                           @Context HttpServerRequest request) {
        var requester = auth.require(request);
        JsonObject b = json.readClientData(body, false);
        receipts.setReadMarkers(requester, roomId, eventId(b, "m.fully_read"), eventId(b, "m.read"),
                eventId(b, "m.read.private"));
        return Map.of();
    }

    /** An event id field: absent, null or empty is none (as Synapse skips them); not a string is M_BAD_JSON. */
    private static String eventId(JsonObject body, String key) {
        JsonValue v = body.members().get(key);
        if (v == null || v instanceof JsonNull) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.value().isEmpty() ? null : s.value();
        }
        throw DomainException.badJson("'" + key + "' must be an event id");
    }
}
