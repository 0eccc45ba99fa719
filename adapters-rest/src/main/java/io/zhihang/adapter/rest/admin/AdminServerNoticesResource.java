package io.zhihang.adapter.rest.admin;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.json.Fields;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.admin.notices.SendServerNoticeCommand;
import io.zhihang.application.port.in.admin.notices.SendServerNoticeUseCase;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * Synapse's server notices admin API ({@code docs/admin_api/server_notices.md}): {@code POST /v1/send_server_notice}
 * and its idempotent form {@code PUT /v1/send_server_notice/{txnId}}, body {@code {user_id, content, type?,
 * state_key?}}, answer {@code {event_id}}. Admins only.
 */
@Path("/_synapse/admin/v1/send_server_notice")
@Produces(MediaType.APPLICATION_JSON)
public class AdminServerNoticesResource {
    private final AdminRequests admins;
    private final JsonBodies json;
    private final SendServerNoticeUseCase notices;

    public AdminServerNoticesResource(AdminRequests admins, JsonBodies json, SendServerNoticeUseCase notices) {
        this.admins = admins;
        this.json = json;
        this.notices = notices;
    }

    @POST
    public Map<String, Object> send(byte[] body, @Context HttpServerRequest request) {
        return send(body, null, request);
    }

    @PUT
    @Path("{txnId}")
    public Map<String, Object> sendOnce(@PathParam("txnId") String txnId, byte[] body,
                                        @Context HttpServerRequest request) {
        return send(body, txnId, request);
    }

    private Map<String, Object> send(byte[] body, String txnId, HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        JsonObject in = json.readObject(body);
        SendServerNoticeCommand command = new SendServerNoticeCommand(Fields.string(in, "user_id"),
                Fields.object(in, "content"), Fields.string(in, "type"), Fields.string(in, "state_key"), txnId);
        return Map.of("event_id", notices.send(admin, AdminRequests.clientIp(request), command));
    }
}
