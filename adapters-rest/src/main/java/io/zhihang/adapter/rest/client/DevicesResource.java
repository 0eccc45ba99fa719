package io.zhihang.adapter.rest.client;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.client.v3.dto.AuthDict;
import io.zhihang.adapter.rest.client.v3.dto.AuthOnlyRequest;
import io.zhihang.adapter.rest.client.v3.dto.DeleteDevicesRequest;
import io.zhihang.adapter.rest.client.v3.dto.DeviceUpdateRequest;
import io.zhihang.adapter.rest.client.v3.dto.DeviceView;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.device.DeviceQueries;
import io.zhihang.application.port.in.device.ManageDevicesUseCase;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** The device list of the logged-in user. */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class DevicesResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final DeviceQueries queries;
    private final ManageDevicesUseCase manage;

    public DevicesResource(Authenticator auth, JsonBodies json, DeviceQueries queries, ManageDevicesUseCase manage) {
        this.auth = auth;
        this.json = json;
        this.queries = queries;
        this.manage = manage;
    }

    @GET
    @Path("v3/devices")
    public Map<String, Object> list(@Context HttpServerRequest request) {
        return Map.of("devices",
                queries.list(auth.requireAllowingGuests(request)).stream().map(DeviceView::of).toList());
    }

    @GET
    @Path("v3/devices/{deviceId}")
    public DeviceView get(@PathParam("deviceId") String deviceId, @Context HttpServerRequest request) {
        return DeviceView.of(queries.get(auth.requireAllowingGuests(request), new DeviceId(deviceId)));
    }

    @PUT
    @Path("v3/devices/{deviceId}")
    public Map<String, Object> update(@PathParam("deviceId") String deviceId, byte[] body,
                                      @Context HttpServerRequest request) {
        var requester = auth.requireAllowingGuests(request);
        DeviceUpdateRequest r = json.readOptional(body, DeviceUpdateRequest.class);
        manage.rename(requester, new DeviceId(deviceId), r.displayName());
        return Map.of();
    }

    @DELETE
    @Path("v3/devices/{deviceId}")
    public Map<String, Object> delete(@PathParam("deviceId") String deviceId, byte[] body,
                                      @Context HttpServerRequest request) {
        var requester = auth.require(request);
        AuthOnlyRequest r = json.readOptional(body, AuthOnlyRequest.class);
        manage.delete(requester, List.of(new DeviceId(deviceId)), AuthDict.toUia(r.auth()));
        return Map.of();
    }

    @POST
    @Path("v3/delete_devices")
    public Map<String, Object> deleteMany(byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        DeleteDevicesRequest r = json.read(body, DeleteDevicesRequest.class);
        if (r.devices() == null) {
            throw DomainException.missingParam("Missing devices");
        }
        manage.delete(requester, r.devices().stream().map(DeviceId::new).toList(), AuthDict.toUia(r.auth()));
        return Map.of();
    }
}
