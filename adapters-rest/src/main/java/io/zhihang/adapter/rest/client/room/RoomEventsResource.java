package io.zhihang.adapter.rest.client.room;

import io.zhihang.adapter.rest.json.QueryParams;
import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.Fields;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.delayed.ScheduleDelayedEventCommand;
import io.zhihang.application.port.in.delayed.ScheduleDelayedEventUseCase;
import io.zhihang.application.port.in.delayed.SendTime;
import io.zhihang.application.port.in.room.RoomQueries;
import io.zhihang.application.port.in.room.SendEventUseCase;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.delayed.DelayedEvent;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.protocol.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** Sending, state, single events, history and redaction in a room. */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class RoomEventsResource {
    /** MSC4140's query parameter: schedule the event this many milliseconds from now instead of sending it. */
    static final String DELAY = "org.matrix.msc4140.delay";

    private final Authenticator auth;
    private final JsonBodies json;
    private final SendEventUseCase send;
    private final RoomQueries queries;
    private final ScheduleDelayedEventUseCase delayed;

    public RoomEventsResource(Authenticator auth, JsonBodies json, SendEventUseCase send, RoomQueries queries,
                              ScheduleDelayedEventUseCase delayed) {
        this.auth = auth;
        this.json = json;
        this.send = send;
        this.queries = queries;
        this.delayed = delayed;
    }

    /** With {@code org.matrix.msc4140.delay}, the event is scheduled instead (MSC4140): the answer is its delay id. */
    @PUT
    @Path("v3/rooms/{roomId}/send/{eventType}/{txnId}")
    public Map<String, Object> send(@PathParam("roomId") String roomId, @PathParam("eventType") String type,
                                    @PathParam("txnId") String txnId, @QueryParam(DELAY) String delay, byte[] body,
                                    @Context HttpServerRequest request) {
        var requester = auth.requireAllowingGuests(request);
        Long delayMillis = QueryParams.optionalLong(DELAY, delay);
        JsonObject content = json.readObject(body);
        if (delayMillis != null) {
            return scheduled(requester, roomId, type, null, content, txnId, delayMillis);
        }
        return Map.of("event_id", send.send(requester, roomId, type, content, txnId));
    }

    /** The seed document's form without a transaction id (not idempotent). */
    @POST
    @Path("v3/rooms/{roomId}/send/{eventType}")
    public Map<String, Object> sendWithoutTxn(@PathParam("roomId") String roomId, @PathParam("eventType") String type,
                                              @QueryParam(DELAY) String delay, byte[] body,
                                              @Context HttpServerRequest request) {
        return send(roomId, type, null, delay, body, request);
    }

    @PUT
    @Path("v3/rooms/{roomId}/state/{eventType}/{stateKey}")
    public Map<String, Object> putState(@PathParam("roomId") String roomId, @PathParam("eventType") String type,
                                        @PathParam("stateKey") String stateKey, @QueryParam(DELAY) String delay,
                                        byte[] body, @Context HttpServerRequest request) {
        var requester = auth.requireAllowingGuests(request);
        Long delayMillis = QueryParams.optionalLong(DELAY, delay);
        JsonObject content = json.readObject(body);
        if (delayMillis != null) {
            return scheduled(requester, roomId, type, stateKey, content, null, delayMillis);
        }
        return Map.of("event_id", send.sendState(requester, roomId, type, stateKey, content));
    }

    @PUT
    @Path("v3/rooms/{roomId}/state/{eventType}")
    public Map<String, Object> putStateEmptyKey(@PathParam("roomId") String roomId,
                                                @PathParam("eventType") String type, @QueryParam(DELAY) String delay,
                                                byte[] body, @Context HttpServerRequest request) {
        return putState(roomId, type, "", delay, body, request);
    }

    private Map<String, Object> scheduled(Requester requester, String roomId, String type, String stateKey,
                                          JsonObject content, String txnId, long delayMillis) {
        DelayedEvent event = delayed.schedule(new ScheduleDelayedEventCommand(requester, roomId, type, stateKey,
                content, txnId, new SendTime.AfterDelay(delayMillis)));
        return Map.of("delay_id", event.delayId());
    }

    @GET
    @Path("v3/rooms/{roomId}/state")
    public List<JsonObject> state(@PathParam("roomId") String roomId, @Context HttpServerRequest request) {
        return queries.state(auth.requireAllowingGuests(request), roomId);
    }

    /** {@code format=content} (the default) answers the content, {@code format=event} the whole event. */
    @GET
    @Path("v3/rooms/{roomId}/state/{eventType}/{stateKey}")
    public JsonObject stateContent(@PathParam("roomId") String roomId, @PathParam("eventType") String type,
                                   @PathParam("stateKey") String stateKey, @QueryParam("format") String format,
                                   @Context HttpServerRequest request) {
        var requester = auth.requireAllowingGuests(request);
        return switch (format == null ? "content" : format) {
            case "content" -> queries.stateContent(requester, roomId, type, stateKey);
            case "event" -> queries.stateEvent(requester, roomId, type, stateKey);
            default -> throw DomainException.invalidParam("format must be one of 'content', 'event'");
        };
    }

    @GET
    @Path("v3/rooms/{roomId}/state/{eventType}")
    public JsonObject stateContentEmptyKey(@PathParam("roomId") String roomId, @PathParam("eventType") String type,
                                           @QueryParam("format") String format, @Context HttpServerRequest request) {
        return stateContent(roomId, type, "", format, request);
    }

    @GET
    @Path("v3/rooms/{roomId}/event/{eventId}")
    public JsonObject event(@PathParam("roomId") String roomId, @PathParam("eventId") String eventId,
                            @Context HttpServerRequest request) {
        return queries.event(auth.requireAllowingGuests(request), roomId, eventId);
    }

    @GET
    @Path("v3/rooms/{roomId}/messages")
    public Map<String, Object> messages(@PathParam("roomId") String roomId, @QueryParam("from") String from,
                                        @QueryParam("to") String to, @QueryParam("dir") String dir,
                                        @QueryParam("limit") String limit, @QueryParam("filter") String filter,
                                        @Context HttpServerRequest request) {
        var requester = auth.requireAllowingGuests(request);
        var page = queries.messages(requester, roomId, from, to, QueryParams.backwards(dir, true),
                QueryParams.limit(limit, 10), QueryParams.roomEventFilter(filter));
        return MessagesPageJson.of(page);
    }

    @PUT
    @Path("v3/rooms/{roomId}/redact/{eventId}/{txnId}")
    public Map<String, Object> redact(@PathParam("roomId") String roomId, @PathParam("eventId") String eventId,
                                      @PathParam("txnId") String txnId, byte[] body,
                                      @Context HttpServerRequest request) {
        var requester = auth.require(request);
        JsonObject b = body == null || body.length == 0 ? JsonObject.EMPTY : json.readObject(body);
        return Map.of("event_id", send.redact(requester, roomId, eventId, Fields.string(b, "reason"), txnId));
    }

    /** The seed document's form without a transaction id. */
    @PUT
    @Path("v3/rooms/{roomId}/redact/{eventId}")
    public Map<String, Object> redactWithoutTxn(@PathParam("roomId") String roomId,
                                                @PathParam("eventId") String eventId, byte[] body,
                                                @Context HttpServerRequest request) {
        return redact(roomId, eventId, null, body, request);
    }
}
