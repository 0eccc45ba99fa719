package io.zhihang.adapter.rest.client.todevice;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.Fields;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.todevice.SendToDeviceCommand;
import io.zhihang.application.port.in.todevice.SendToDeviceUseCase;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.todevice.ToDeviceMessages;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * Send-to-device messaging. The body is client data (floats allowed): contents reach the devices as they were sent.
 * The seed's {@code POST /sendToDevice/{txnId}} is an alias whose body names the event {@code type} that the spec's
 * path carries; the same use case, idempotent per transaction id across both forms.
 */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class ToDeviceResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final SendToDeviceUseCase send;

    public ToDeviceResource(Authenticator auth, JsonBodies json, SendToDeviceUseCase send) {
        this.auth = auth;
        this.json = json;
        this.send = send;
    }

    @PUT
    @Path("v3/sendToDevice/{eventType}/{txnId}")
    public Map<String, Object> send(@PathParam("eventType") String eventType, @PathParam("txnId") String txnId,
                                    byte[] body, @Context HttpServerRequest request) {
        Requester requester = auth.requireAllowingGuests(request);
        JsonObject content = json.readClientData(body, false);
        send.send(new SendToDeviceCommand(requester, eventType, txnId, messages(content)));
        return Map.of();
    }

    /** The seed's form: {@code {"type": eventType, "messages": {…}}} → {@code {}}. */
    @POST
    @Path("v3/sendToDevice/{txnId}")
    public Map<String, Object> sendSeed(@PathParam("txnId") String txnId, byte[] body,
                                        @Context HttpServerRequest request) {
        Requester requester = auth.requireAllowingGuests(request);
        JsonObject content = json.readClientData(body, false);
        String eventType = Fields.string(content, "type");
        if (eventType == null || eventType.isEmpty()) {
            throw DomainException.missingParam("Missing 'type': the event type of the to-device messages");
        }
        send.send(new SendToDeviceCommand(requester, eventType, txnId, messages(content)));
        return Map.of();
    }

    private static ToDeviceMessages messages(JsonObject content) {
        return ToDeviceMessages.parse(content.get("messages")
                .orElseThrow(() -> DomainException.missingParam("Missing 'messages'")));
    }
}
