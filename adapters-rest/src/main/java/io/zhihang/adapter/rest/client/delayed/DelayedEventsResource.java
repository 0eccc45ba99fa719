package io.zhihang.adapter.rest.client.delayed;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.Fields;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.delayed.DelayedEventQueries;
import io.zhihang.application.port.in.delayed.ManageDelayedEventUseCase;
import io.zhihang.domain.delayed.DelayedEvent;
import io.zhihang.domain.delayed.DelayedEventAction;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MSC4140 delayed events, on Synapse's unstable paths: listing the caller's, and the owner's management actions,
 * both as {@code POST …/{delay_id}} with {@code {"action": …}} (the form Element Call uses) and as
 * {@code POST …/{delay_id}/{action}} (the MSC's current form). Unlike the MSC's newest revision, management needs the
 * owner's access token: the delay id alone is not a capability here.
 */
@Path("/_matrix/client/unstable/org.matrix.msc4140/delayed_events")
@Produces(MediaType.APPLICATION_JSON)
public class DelayedEventsResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final DelayedEventQueries queries;
    private final ManageDelayedEventUseCase manage;

    public DelayedEventsResource(Authenticator auth, JsonBodies json, DelayedEventQueries queries,
                                 ManageDelayedEventUseCase manage) {
        this.auth = auth;
        this.json = json;
        this.queries = queries;
        this.manage = manage;
    }

    /**
     * Without {@code status}: {@code delayed_events} holds the scheduled ones (Synapse's answer). With
     * {@code status=scheduled} and/or {@code status=finalised}: those, under {@code delayed_events}. Repeated
     * {@code delay_id} parameters narrow the list to those ids.
     */
    @GET
    public Map<String, Object> list(@QueryParam("status") List<String> statuses,
                                    @QueryParam("delay_id") List<String> delayIds,
                                    @Context HttpServerRequest request) {
        var requester = auth.require(request);
        boolean all = statuses == null || statuses.isEmpty();
        for (String status : all ? List.<String>of() : statuses) {
            if (!status.equals("scheduled") && !status.equals("finalised")) {
                throw DomainException.invalidParam("status must be 'scheduled' or 'finalised'");
            }
        }
        boolean scheduled = all || statuses.contains("scheduled");
        boolean finalised = !all && statuses.contains("finalised");
        Set<String> ids = delayIds == null ? Set.of() : new HashSet<>(delayIds);
        return Map.of("delayed_events", queries.list(requester, scheduled, finalised, ids).stream()
                .map(DelayedEventsResource::view).toList());
    }

    /** One of the caller's delayed events (the MSC's single lookup). */
    @GET
    @Path("{delayId}")
    public Map<String, Object> get(@PathParam("delayId") String delayId, @Context HttpServerRequest request) {
        return view(queries.get(auth.require(request), delayId));
    }

    @POST
    @Path("{delayId}")
    public Map<String, Object> update(@PathParam("delayId") String delayId, byte[] body,
                                      @Context HttpServerRequest request) {
        var requester = auth.require(request);
        JsonObject b = json.readObject(body);
        String action = Fields.string(b, "action");
        if (action == null) {
            throw DomainException.missingParam("'action' is missing");
        }
        manage.manage(requester, delayId, DelayedEventAction.parse(action));
        return Map.of();
    }

    @POST
    @Path("{delayId}/{action:cancel|restart|send}")
    public Map<String, Object> act(@PathParam("delayId") String delayId, @PathParam("action") String action,
                                   @Context HttpServerRequest request) {
        manage.manage(auth.require(request), delayId, DelayedEventAction.parse(action));
        return Map.of();
    }

    /**
     * Synapse's fields ({@code delay_id, room_id, type, state_key?, delay, running_since, content}); a finalised
     * event adds the MSC's {@code origin_server_ts} (when it was finalised) and {@code event_id} if sent or
     * {@code error} if sending failed.
     */
    static Map<String, Object> view(DelayedEvent event) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("delay_id", event.delayId());
        view.put("room_id", event.roomId());
        view.put("type", event.type());
        if (event.stateKey() != null) {
            view.put("state_key", event.stateKey());
        }
        view.put("delay", event.delay().toMillis());
        view.put("running_since", event.runningSince().toEpochMilli());
        view.put("content", event.content());
        if (event.eventId() != null) {
            view.put("event_id", event.eventId());
        }
        if (event.error() != null) {
            view.put("error", Map.of("errcode", event.error().errcode(), "error", event.error().message()));
        }
        if (event.finalisedAt() != null) {
            view.put("origin_server_ts", event.finalisedAt().toEpochMilli());
        }
        return view;
    }
}
