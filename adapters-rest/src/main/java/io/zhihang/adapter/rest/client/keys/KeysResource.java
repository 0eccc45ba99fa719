package io.zhihang.adapter.rest.client.keys;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.keys.ClaimKeysUseCase;
import io.zhihang.application.port.in.keys.ClaimedKeys;
import io.zhihang.application.port.in.keys.KeyQueries;
import io.zhihang.application.port.in.keys.KeyQueryResult;
import io.zhihang.application.port.in.keys.KeyUpload;
import io.zhihang.application.port.in.keys.UploadKeysUseCase;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.keys.KeyClaim;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DeviceId;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Device keys: upload, query and claim ({@code /keys/upload}, {@code /keys/query}, {@code /keys/claim}). */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final UploadKeysUseCase upload;
    private final KeyQueries queries;
    private final ClaimKeysUseCase claim;

    public KeysResource(Authenticator auth, JsonBodies json, UploadKeysUseCase upload, KeyQueries queries,
                        ClaimKeysUseCase claim) {
        this.auth = auth;
        this.json = json;
        this.upload = upload;
        this.queries = queries;
        this.claim = claim;
    }

    @POST
    @Path("v3/keys/upload")
    public Map<String, Object> upload(byte[] body, @Context HttpServerRequest request) {
        return upload(auth.requireAllowingGuests(request), null, body);
    }

    /** Synapse serves every {@code /keys/…} endpoint under {@code /unstable/} too ({@code client_patterns}). */
    @POST
    @Path("unstable/keys/upload")
    public Map<String, Object> unstableUpload(byte[] body, @Context HttpServerRequest request) {
        return upload(body, request);
    }

    /** The legacy form naming the device in the path (our seed's docs): it must be the caller's device. */
    @POST
    @Path("v3/keys/upload/{deviceId}")
    public Map<String, Object> uploadFor(@PathParam("deviceId") String deviceId, byte[] body,
                                         @Context HttpServerRequest request) {
        return upload(auth.requireAllowingGuests(request), new DeviceId(deviceId), body);
    }

    private Map<String, Object> upload(Requester requester, DeviceId pathDevice, byte[] body) {
        JsonObject request = json.readObject(body);
        KeyUpload keys = new KeyUpload(pathDevice, KeyBodies.deviceKeys(request),
                KeyBodies.keys(request, "one_time_keys"), KeyBodies.keys(request, "fallback_keys"));
        return Map.of("one_time_key_counts", upload.upload(requester, keys).oneTimeKeys());
    }

    @POST
    @Path("v3/keys/query")
    public Map<String, Object> query(byte[] body, @Context HttpServerRequest request) {
        Requester requester = auth.requireAllowingGuests(request);
        KeyQueryResult result = queries.query(requester, KeyBodies.queriedDevices(json.readObject(body)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("device_keys", result.deviceKeys());
        out.put("failures", result.failures());
        out.put("master_keys", result.masterKeys());
        out.put("self_signing_keys", result.selfSigningKeys());
        out.put("user_signing_keys", result.userSigningKeys());
        return out;
    }

    @POST
    @Path("unstable/keys/query")
    public Map<String, Object> unstableQuery(byte[] body, @Context HttpServerRequest request) {
        return query(body, request);
    }

    @POST
    @Path("v3/keys/claim")
    public Map<String, Object> claim(byte[] body, @Context HttpServerRequest request) {
        Requester requester = auth.requireAllowingGuests(request);
        JsonObject oneTimeKeys = KeyBodies.optionalObject(json.readObject(body), "one_time_keys")
                .orElse(JsonObject.EMPTY);
        List<KeyClaim> claims = KeyClaim.parse(oneTimeKeys);
        ClaimedKeys claimed = claim.claim(requester, claims);
        return Map.of("one_time_keys", claimed.oneTimeKeys(), "failures", claimed.failures());
    }

    @POST
    @Path("unstable/keys/claim")
    public Map<String, Object> unstableClaim(byte[] body, @Context HttpServerRequest request) {
        return claim(body, request);
    }
}
