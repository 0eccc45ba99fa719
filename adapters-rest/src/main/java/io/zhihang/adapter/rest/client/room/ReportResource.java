package io.zhihang.adapter.rest.client.room;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.Fields;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.admin.rooms.EventReportsUseCase;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Reporting content to the server admins: {@code POST /rooms/{roomId}/report/{eventId}} and a room report. */
@Path("/_matrix/client/v3/rooms/{roomId}/report")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final EventReportsUseCase reports;

    public ReportResource(Authenticator auth, JsonBodies json, EventReportsUseCase reports) {
        this.auth = auth;
        this.json = json;
        this.reports = reports;
    }

    @POST
    @Path("{eventId}")
    public Map<String, Object> reportEvent(@PathParam("roomId") String roomId, @PathParam("eventId") String eventId,
                                           byte[] body, @Context HttpServerRequest request) {
        var reporter = auth.require(request);
        JsonObject b = object(body);
        JsonValue score = b.members().get("score");
        if (score != null && !(score instanceof JsonNumber)) {
            throw DomainException.badJson("Param 'score' must be an integer");
        }
        reports.reportEvent(reporter, roomId, eventId, Fields.string(b, "reason"),
                score == null ? null : ((JsonNumber) score).value());
        return Map.of();
    }

    @POST
    public Map<String, Object> reportRoom(@PathParam("roomId") String roomId, byte[] body,
                                          @Context HttpServerRequest request) {
        var reporter = auth.require(request);
        reports.reportRoom(reporter, roomId, Fields.string(object(body), "reason"));
        return Map.of();
    }

    private JsonObject object(byte[] body) {
        return body == null || body.length == 0 ? JsonObject.EMPTY : json.readObject(body);
    }
}
