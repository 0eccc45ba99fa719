package io.zhihang.adapter.rest.admin;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.client.UserIds;
import io.zhihang.adapter.rest.json.Fields;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.admin.AdminCaller;
import io.zhihang.application.port.in.admin.AdminUserQueries;
import io.zhihang.application.port.in.admin.ManageUserDevicesUseCase;
import io.zhihang.domain.account.Device;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;
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

/** Synapse's admin device API ({@code /_synapse/admin/v2/users/{userId}/devices…}): any local user's devices. */
@Path("/_synapse/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminUserDevicesResource {
    private final AdminRequests admins;
    private final AdminUserQueries queries;
    private final ManageUserDevicesUseCase devices;
    private final JsonBodies json;

    public AdminUserDevicesResource(AdminRequests admins, AdminUserQueries queries,
                                    ManageUserDevicesUseCase devices, JsonBodies json) {
        this.admins = admins;
        this.queries = queries;
        this.devices = devices;
        this.json = json;
    }

    @GET
    @Path("v2/users/{userId}/devices")
    public Map<String, Object> list(@PathParam("userId") String userId, @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        List<Device> found = queries.devices(admin, UserIds.parse(userId));
        return Map.of("devices", found.stream().map(AdminUserViews::device).toList(), "total", found.size());
    }

    @GET
    @Path("v2/users/{userId}/devices/{deviceId}")
    public Map<String, Object> get(@PathParam("userId") String userId, @PathParam("deviceId") String deviceId,
                                   @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        return AdminUserViews.device(queries.device(admin, UserIds.parse(userId), new DeviceId(deviceId)));
    }

    @PUT
    @Path("v2/users/{userId}/devices/{deviceId}")
    public Map<String, Object> rename(@PathParam("userId") String userId, @PathParam("deviceId") String deviceId,
                                      byte[] body, @Context HttpServerRequest request) {
        AdminCaller caller = admins.caller(request);
        JsonObject b = body == null || body.length == 0 ? JsonObject.EMPTY : json.readObject(body);
        devices.rename(caller, UserIds.parse(userId), new DeviceId(deviceId), Fields.string(b, "display_name"));
        return Map.of();
    }

    @DELETE
    @Path("v2/users/{userId}/devices/{deviceId}")
    public Map<String, Object> delete(@PathParam("userId") String userId, @PathParam("deviceId") String deviceId,
                                      @Context HttpServerRequest request) {
        devices.delete(admins.caller(request), UserIds.parse(userId), List.of(new DeviceId(deviceId)));
        return Map.of();
    }

    @POST
    @Path("v2/users/{userId}/delete_devices")
    public Map<String, Object> deleteMany(@PathParam("userId") String userId, byte[] body,
                                          @Context HttpServerRequest request) {
        AdminCaller caller = admins.caller(request);
        JsonObject b = json.readObject(body);
        if (!b.has("devices")) {
            throw DomainException.missingParam("Missing params: ['devices']");
        }
        List<DeviceId> ids = Fields.strings(b, "devices").stream().map(DeviceId::new).toList();
        devices.delete(caller, UserIds.parse(userId), ids);
        return Map.of();
    }

}
