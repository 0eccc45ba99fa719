package io.zhihang.adapter.rest.seed;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.Fields;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.lifecycle.EncryptionInfo;
import io.zhihang.application.port.in.lifecycle.MessageEncryptionUseCase;
import io.zhihang.domain.lifecycle.EncryptionType;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seed's {@code /api/encryption/...}: password encryption of a sent message, decryption, its encryption and
 * self-destruct state, and self-destruct times. Passwords are never logged or stored.
 */
@Path("/api/encryption")
@Produces(MediaType.APPLICATION_JSON)
public class SeedEncryptionResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final MessageEncryptionUseCase encryption;

    public SeedEncryptionResource(Authenticator auth, JsonBodies json, MessageEncryptionUseCase encryption) {
        this.auth = auth;
        this.json = json;
        this.encryption = encryption;
    }

    @POST
    @Path("encrypt")
    public Map<String, Object> encrypt(byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        JsonObject in = json.readObject(body);
        char[] password = password(in);
        try {
            encryption.encrypt(requester, SeedFields.id(in, "message_id"),
                    EncryptionType.parse(Fields.string(in, "encryption_type")), password,
                    seconds(in, "self_destruct_time", false));
        } finally {
            Arrays.fill(password, '\0');
        }
        return SeedMessageJson.answer("Message encrypted", null);
    }

    @POST
    @Path("decrypt")
    public Map<String, Object> decrypt(byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        JsonObject in = json.readObject(body);
        char[] password = password(in);
        try {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("content", encryption.decrypt(requester, SeedFields.id(in, "message_id"), password));
            out.put("message", "Message decrypted");
            return out;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @GET
    @Path("{messageId}/info")
    public Map<String, Object> info(@PathParam("messageId") String messageId, @Context HttpServerRequest request) {
        EncryptionInfo info = encryption.info(auth.require(request), messageId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("is_encrypted", info.encrypted());
        data.put("encryption_type", info.encryptionType().orElse(null));
        data.put("is_self_destruct", info.selfDestructAt().isPresent());
        data.put("is_destroyed", info.destroyed());
        data.put("message_type", info.messageType());
        data.put("created_at", info.createdAt().toString());
        data.put("self_destruct_time", info.selfDestructAt().map(Instant::toString).orElse(null));
        data.put("time_remaining", info.selfDestructAt()
                .map(at -> Math.max(0, Duration.between(Instant.now(), at).toSeconds())).orElse(null));
        return Map.of("data", data);
    }

    @POST
    @Path("self-destruct")
    public Map<String, Object> selfDestruct(byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        JsonObject in = json.readObject(body);
        encryption.selfDestruct(requester, SeedFields.id(in, "message_id"), seconds(in, "destruct_time", true));
        return SeedMessageJson.answer("Self-destruct time set", null);
    }

    /** The password as characters (null becomes empty, which the policy refuses where one is needed). */
    private static char[] password(JsonObject in) {
        String password = Fields.string(in, "password");
        return password == null ? new char[0] : password.toCharArray();
    }

    private static Long seconds(JsonObject in, String key, boolean required) {
        JsonValue v = in.members().get(key);
        if (v == null) {
            if (required) {
                throw DomainException.missingParam(key + " is required");
            }
            return null;
        }
        if (v instanceof JsonNumber n) {
            return n.value();
        }
        throw DomainException.badJson("'" + key + "' must be an integer number of seconds");
    }
}
