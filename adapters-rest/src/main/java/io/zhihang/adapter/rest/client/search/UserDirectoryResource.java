package io.zhihang.adapter.rest.client.search;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.Fields;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.search.UserDirectoryQueries;
import io.zhihang.domain.shared.DomainException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /user_directory/search}. */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class UserDirectoryResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final UserDirectoryQueries directory;

    public UserDirectoryResource(Authenticator auth, JsonBodies json, UserDirectoryQueries directory) {
        this.auth = auth;
        this.json = json;
        this.directory = directory;
    }

    @POST
    @Path("v3/user_directory/search")
    public Map<String, Object> search(byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        var fields = json.readObject(body);
        String term = Fields.string(fields, "search_term");
        if (term == null) {
            throw DomainException.badJson("Missing search_term");
        }
        Integer limit = Fields.integer(fields, "limit");
        var page = directory.search(requester, term, limit == null ? UserDirectoryQueries.DEFAULT_LIMIT : limit);
        return Map.of("limited", page.limited(), "results", page.results().stream().map(user -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("user_id", user.userId());
            if (user.displayName() != null) {
                entry.put("display_name", user.displayName());
            }
            if (user.avatarUrl() != null) {
                entry.put("avatar_url", user.avatarUrl());
            }
            return entry;
        }).toList());
    }
}
