package io.zhihang.adapter.rest.client.keys;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.client.v3.dto.AuthDict;
import io.zhihang.adapter.rest.client.v3.dto.AuthOnlyRequest;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.keys.UploadCrossSigningKeysUseCase;
import io.zhihang.application.port.in.keys.UploadSignaturesUseCase;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.keys.CrossSigningUpload;
import io.zhihang.domain.keys.KeyUsage;
import io.zhihang.domain.keys.SignatureUpload;
import io.zhihang.domain.protocol.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.EnumMap;
import java.util.Map;

/** Cross-signing keys and signatures ({@code /keys/device_signing/upload}, {@code /keys/signatures/upload}). */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class CrossSigningResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final UploadCrossSigningKeysUseCase signingKeys;
    private final UploadSignaturesUseCase signatures;

    public CrossSigningResource(Authenticator auth, JsonBodies json, UploadCrossSigningKeysUseCase signingKeys,
                                UploadSignaturesUseCase signatures) {
        this.auth = auth;
        this.json = json;
        this.signingKeys = signingKeys;
        this.signatures = signatures;
    }

    @POST
    @Path("v3/keys/device_signing/upload")
    public Map<String, Object> uploadSigningKeys(byte[] body, @Context HttpServerRequest request) {
        Requester requester = auth.require(request);
        JsonObject keysBody = json.readObject(body);
        AuthOnlyRequest uia = json.readOptional(body, AuthOnlyRequest.class);
        Map<KeyUsage, JsonObject> keys = new EnumMap<>(KeyUsage.class);
        for (KeyUsage usage : KeyUsage.values()) {
            KeyBodies.optionalObject(keysBody, usage.field()).ifPresent(key -> keys.put(usage, key));
        }
        signingKeys.upload(requester, new CrossSigningUpload(keys), AuthDict.toUia(uia.auth()));
        return Map.of();
    }

    /**
     * Synapse registers {@code /keys/device_signing/upload} under {@code v3} and {@code unstable} only
     * ({@code releases=("v3",)}); our {@code r0} paths all lead to {@code v3}, so {@code r0} works here too.
     */
    @POST
    @Path("unstable/keys/device_signing/upload")
    public Map<String, Object> unstableUploadSigningKeys(byte[] body, @Context HttpServerRequest request) {
        return uploadSigningKeys(body, request);
    }

    @POST
    @Path("v3/keys/signatures/upload")
    public Map<String, Object> uploadSignatures(byte[] body, @Context HttpServerRequest request) {
        Requester requester = auth.requireAllowingGuests(request);
        SignatureUpload upload = SignatureUpload.parse(json.readObject(body));
        return Map.of("failures", KeyBodies.failures(signatures.upload(requester, upload)));
    }

    @POST
    @Path("unstable/keys/signatures/upload")
    public Map<String, Object> unstableUploadSignatures(byte[] body, @Context HttpServerRequest request) {
        return uploadSignatures(body, request);
    }
}
