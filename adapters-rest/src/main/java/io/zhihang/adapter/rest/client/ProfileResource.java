package io.zhihang.adapter.rest.client;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.client.v3.dto.AvatarUrlRequest;
import io.zhihang.adapter.rest.client.v3.dto.DisplayNameRequest;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.profile.ProfileQueries;
import io.zhihang.application.port.in.profile.UpdateProfileUseCase;
import io.zhihang.domain.profile.Profile;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.HashMap;
import java.util.Map;

/**
 * Profiles at the spec's {@code /profile/{userId}} and at the seed document's alias
 * {@code /_matrix/client/r0/account/profile/{userId}}. Reading needs no token; writing is for the user (or an admin).
 */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final ProfileQueries queries;
    private final UpdateProfileUseCase update;

    public ProfileResource(Authenticator auth, JsonBodies json, ProfileQueries queries, UpdateProfileUseCase update) {
        this.auth = auth;
        this.json = json;
        this.queries = queries;
        this.update = update;
    }

    @GET
    @Path("v3/profile/{userId}")
    public Map<String, Object> profile(@PathParam("userId") String userId) {
        Profile p = queries.profile(parse(userId));
        Map<String, Object> body = new HashMap<>();
        if (p.displayName() != null) {
            body.put("displayname", p.displayName());
        }
        if (p.avatarUrl() != null) {
            body.put("avatar_url", p.avatarUrl());
        }
        return body;
    }

    @GET
    @Path("r0/account/profile/{userId}")
    public Map<String, Object> profileAlias(@PathParam("userId") String userId) {
        return profile(userId);
    }

    @GET
    @Path("v3/profile/{userId}/displayname")
    public Map<String, Object> displayName(@PathParam("userId") String userId) {
        String name = queries.profile(parse(userId)).displayName();
        return name == null ? Map.of() : Map.of("displayname", name);
    }

    @GET
    @Path("v3/profile/{userId}/avatar_url")
    public Map<String, Object> avatarUrl(@PathParam("userId") String userId) {
        String url = queries.profile(parse(userId)).avatarUrl();
        return url == null ? Map.of() : Map.of("avatar_url", url);
    }

    @PUT
    @Path("v3/profile/{userId}/displayname")
    public Map<String, Object> setDisplayName(@PathParam("userId") String userId, byte[] body,
                                              @Context HttpServerRequest request) {
        var requester = auth.require(request);
        DisplayNameRequest r = json.read(body, DisplayNameRequest.class);
        update.setDisplayName(requester, parse(userId), r.displayname());
        return Map.of();
    }

    @PUT
    @Path("r0/account/profile/{userId}/displayname")
    public Map<String, Object> setDisplayNameAlias(@PathParam("userId") String userId, byte[] body,
                                                   @Context HttpServerRequest request) {
        return setDisplayName(userId, body, request);
    }

    @PUT
    @Path("v3/profile/{userId}/avatar_url")
    public Map<String, Object> setAvatarUrl(@PathParam("userId") String userId, byte[] body,
                                            @Context HttpServerRequest request) {
        var requester = auth.require(request);
        AvatarUrlRequest r = json.read(body, AvatarUrlRequest.class);
        update.setAvatarUrl(requester, parse(userId), r.avatarUrl());
        return Map.of();
    }

    @PUT
    @Path("r0/account/profile/{userId}/avatar_url")
    public Map<String, Object> setAvatarUrlAlias(@PathParam("userId") String userId, byte[] body,
                                                 @Context HttpServerRequest request) {
        return setAvatarUrl(userId, body, request);
    }

    private static UserId parse(String raw) {
        try {
            return UserId.parse(raw);
        } catch (DomainException e) {
            throw DomainException.invalidParam("Invalid user id: " + raw);
        }
    }
}
