package io.zhihang.adapter.rest.client.keys;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.dehydrated.DehydratedDeviceEventsUseCase;
import io.zhihang.application.port.in.dehydrated.DehydratedEvents;
import io.zhihang.application.port.in.dehydrated.ManageDehydratedDeviceUseCase;
import io.zhihang.application.port.in.dehydrated.StoreDehydratedDeviceCommand;
import io.zhihang.application.port.in.keys.KeyUpload;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.dehydrated.DehydratedDevice;
import io.zhihang.domain.dehydrated.InboxToken;
import io.zhihang.domain.protocol.json.JsonNull;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Dehydrated devices (MSC3814), at Synapse's unstable prefix only. The events of the device are read with
 * {@code GET …/events?from=} (matrix-js-sdk 43; {@code next_batch} only while more wait) or with the earlier
 * {@code POST …/events {"next_batch"}} (always a {@code next_batch}; an empty page ends the reading).
 */
@Path("/_matrix/client/unstable/org.matrix.msc3814.v1")
@Produces(MediaType.APPLICATION_JSON)
public class DehydratedDeviceResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final ManageDehydratedDeviceUseCase manage;
    private final DehydratedDeviceEventsUseCase events;

    public DehydratedDeviceResource(Authenticator auth, JsonBodies json, ManageDehydratedDeviceUseCase manage,
                                    DehydratedDeviceEventsUseCase events) {
        this.auth = auth;
        this.json = json;
        this.manage = manage;
        this.events = events;
    }

    @GET
    @Path("dehydrated_device")
    public Map<String, Object> get(@Context HttpServerRequest request) {
        DehydratedDevice device = manage.get(auth.require(request));
        return Map.of("device_id", device.device().value(), "device_data", device.data());
    }

    @PUT
    @Path("dehydrated_device")
    public Map<String, Object> put(byte[] body, @Context HttpServerRequest request) {
        Requester requester = auth.require(request);
        JsonObject r = json.readObject(body);
        DeviceId device = new DeviceId(requiredString(r, "device_id"));
        JsonObject data = KeyBodies.optionalObject(r, "device_data")
                .orElseThrow(() -> DomainException.badJson("device_data must be an object"));
        KeyUpload keys = new KeyUpload(null, KeyBodies.deviceKeys(r), KeyBodies.keys(r, "one_time_keys"),
                KeyBodies.keys(r, "fallback_keys"));
        String name = optionalString(r, "initial_device_display_name").orElse(null);
        DeviceId stored = manage.store(requester, new StoreDehydratedDeviceCommand(
                new DehydratedDevice(device, data), name, keys));
        return Map.of("device_id", stored.value());
    }

    @DELETE
    @Path("dehydrated_device")
    public Map<String, Object> delete(@Context HttpServerRequest request) {
        return Map.of("device_id", manage.delete(auth.require(request)).value());
    }

    /** matrix-js-sdk 43 and the current draft: {@code next_batch} is left out when nothing more waits. */
    @GET
    @Path("dehydrated_device/{deviceId}/events")
    public Map<String, Object> events(@PathParam("deviceId") String deviceId, @QueryParam("from") String from,
                                      @QueryParam("limit") String limit, @Context HttpServerRequest request) {
        Requester requester = auth.require(request);
        DehydratedEvents page = events.events(requester, new DeviceId(deviceId), InboxToken.parse(from),
                limit(limit));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("events", page.events());
        if (page.more()) {
            out.put("next_batch", page.next().toString());
        }
        return out;
    }

    /** The earlier draft (Synapse's POST): always a {@code next_batch}; reading on from the last one gives none. */
    @POST
    @Path("dehydrated_device/{deviceId}/events")
    public Map<String, Object> eventsSince(@PathParam("deviceId") String deviceId, @QueryParam("limit") String limit,
                                           byte[] body, @Context HttpServerRequest request) {
        Requester requester = auth.require(request);
        JsonObject r = json.readObject(body);
        DehydratedEvents page = events.events(requester, new DeviceId(deviceId),
                InboxToken.parse(optionalString(r, "next_batch").orElse(null)), limit(limit));
        return Map.of("events", page.events(), "next_batch", page.next().toString());
    }

    private static String requiredString(JsonObject body, String field) {
        return optionalString(body, field).orElseThrow(() -> DomainException.badJson(field + " must be a string"));
    }

    /** Absent or null is empty; any other type than a string is {@code M_BAD_JSON}. */
    private static Optional<String> optionalString(JsonObject body, String field) {
        JsonValue value = body.get(field).orElse(JsonNull.INSTANCE);
        if (value instanceof JsonNull) {
            return Optional.empty();
        }
        if (value instanceof JsonString s) {
            return Optional.of(s.value());
        }
        throw DomainException.badJson(field + " must be a string");
    }

    private static int limit(String raw) {
        if (raw == null) {
            return DehydratedDeviceEventsUseCase.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit < 1) {
                throw DomainException.invalidParam("limit must be positive");
            }
            return Math.min(limit, DehydratedDeviceEventsUseCase.MAX_LIMIT);
        } catch (NumberFormatException e) {
            throw DomainException.invalidParam("limit must be an integer");
        }
    }
}
