package io.zhihang.adapter.rest.seed;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.Fields;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.lifecycle.MessageTarget;
import io.zhihang.application.port.in.lifecycle.OutgoingMessage;
import io.zhihang.application.port.in.lifecycle.SeedMessagesUseCase;
import io.zhihang.domain.lifecycle.MessageType;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * The seed's message API ({@code /api/messages/...}, docs/api.md): the same Matrix events and rules as the client
 * API, with the seed's numeric ids (Matrix ids accepted too) and its {@code {"message", "data"}} answers.
 */
@Path("/api/messages")
@Produces(MediaType.APPLICATION_JSON)
public class SeedMessagesResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final SeedMessagesUseCase messages;

    public SeedMessagesResource(Authenticator auth, JsonBodies json, SeedMessagesUseCase messages) {
        this.auth = auth;
        this.json = json;
        this.messages = messages;
    }

    @POST
    @Path("send")
    public Map<String, Object> send(byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        JsonObject in = json.readObject(body);
        var sent = messages.send(requester, new MessageTarget(SeedFields.id(in, "chat_id"),
                SeedFields.id(in, "user_id")), outgoing(in));
        return SeedMessageJson.answer("Message sent", SeedMessageJson.of(sent));
    }

    @POST
    @Path("reply")
    public Map<String, Object> reply(byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        JsonObject in = json.readObject(body);
        var sent = messages.reply(requester, SeedFields.id(in, "reply_to_id"),
                new MessageTarget(SeedFields.id(in, "chat_id"), SeedFields.id(in, "user_id")), outgoing(in));
        return SeedMessageJson.answer("Reply sent", SeedMessageJson.of(sent));
    }

    @POST
    @Path("forward")
    public Map<String, Object> forward(byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        JsonObject in = json.readObject(body);
        var sent = messages.forward(requester, SeedFields.id(in, "message_id"),
                new MessageTarget(SeedFields.id(in, "target_chat_id"), SeedFields.id(in, "target_user_id")),
                Fields.string(in, "comment"));
        return SeedMessageJson.answer("Message forwarded", sent.stream().map(SeedMessageJson::of).toList());
    }

    @GET
    @Path("{messageId}")
    public Map<String, Object> get(@PathParam("messageId") String messageId, @Context HttpServerRequest request) {
        return SeedMessageJson.answer("OK", SeedMessageJson.of(messages.get(auth.require(request), messageId)));
    }

    private static OutgoingMessage outgoing(JsonObject in) {
        JsonObject info = in.members().containsKey("info")
                ? in.object("info").orElseThrow(() -> DomainException.badJson("'info' must be an object")) : null;
        return new OutgoingMessage(MessageType.parse(Fields.string(in, "message_type")), Fields.string(in, "content"),
                Fields.string(in, "url"), info, Fields.string(in, "txn_id"));
    }
}
