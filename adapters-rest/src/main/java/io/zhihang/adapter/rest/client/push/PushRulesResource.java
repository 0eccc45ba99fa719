package io.zhihang.adapter.rest.client.push;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.push.ManagePushRulesUseCase;
import io.zhihang.application.port.in.push.PushRuleQueries;
import io.zhihang.application.port.in.push.PutPushRuleCommand;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.push.PushAction;
import io.zhihang.domain.push.RuleKind;
import io.zhihang.domain.push.UserPushRules;
import io.zhihang.domain.shared.DomainException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * The push rules API: the whole ruleset ({@code /pushrules/}, which matrix-js-sdk calls with the trailing slash, and
 * {@code /pushrules/global/}), single rules, and their {@code enabled} and {@code actions}. Only the {@code global}
 * scope exists.
 */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class PushRulesResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final PushRuleQueries queries;
    private final ManagePushRulesUseCase manage;

    public PushRulesResource(Authenticator auth, JsonBodies json, PushRuleQueries queries,
                             ManagePushRulesUseCase manage) {
        this.auth = auth;
        this.json = json;
        this.queries = queries;
        this.manage = manage;
    }

    @GET
    @Path("v3/pushrules")
    public Map<String, Object> all(@Context HttpServerRequest request) {
        return Map.of("global", queries.ruleset(auth.require(request)));
    }

    @GET
    @Path("v3/pushrules/global")
    public JsonObject global(@Context HttpServerRequest request) {
        return queries.ruleset(auth.require(request));
    }

    /** The rules of one kind (Synapse serves {@code /pushrules/global/{kind}/} too). */
    @GET
    @Path("v3/pushrules/global/{kind}")
    public JsonValue ofKind(@PathParam("kind") String kind, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        return queries.ruleset(requester).get(PushBodies.kind(kind).wireName()).orElse(JsonArray.EMPTY);
    }

    @GET
    @Path("v3/pushrules/global/{kind}/{ruleId}")
    public JsonObject rule(@PathParam("kind") String kind, @PathParam("ruleId") String ruleId,
                           @Context HttpServerRequest request) {
        var requester = auth.require(request);
        return queries.rule(requester, PushBodies.kind(kind), ruleId);
    }

    @PUT
    @Path("v3/pushrules/global/{kind}/{ruleId}")
    public Map<String, Object> put(@PathParam("kind") String kind, @PathParam("ruleId") String ruleId,
                                   @QueryParam("before") String before, @QueryParam("after") String after,
                                   byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        RuleKind ruleKind = PushBodies.kind(kind);
        UserPushRules.NewRule rule = UserPushRules.NewRule.parse(ruleKind, json.readObject(body));
        manage.put(new PutPushRuleCommand(requester, ruleKind, ruleId, rule, blankToNull(before),
                blankToNull(after)));
        return Map.of();
    }

    @DELETE
    @Path("v3/pushrules/global/{kind}/{ruleId}")
    public Map<String, Object> delete(@PathParam("kind") String kind, @PathParam("ruleId") String ruleId,
                                      @Context HttpServerRequest request) {
        var requester = auth.require(request);
        manage.delete(requester, PushBodies.kind(kind), ruleId);
        return Map.of();
    }

    @GET
    @Path("v3/pushrules/global/{kind}/{ruleId}/enabled")
    public Map<String, Object> enabled(@PathParam("kind") String kind, @PathParam("ruleId") String ruleId,
                                       @Context HttpServerRequest request) {
        var requester = auth.require(request);
        return Map.of("enabled", queries.enabled(requester, PushBodies.kind(kind), ruleId));
    }

    @PUT
    @Path("v3/pushrules/global/{kind}/{ruleId}/enabled")
    public Map<String, Object> setEnabled(@PathParam("kind") String kind, @PathParam("ruleId") String ruleId,
                                          byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        RuleKind ruleKind = PushBodies.kind(kind);
        JsonObject b = json.readObject(body);
        if (!b.has("enabled")) {
            throw DomainException.badJson("Missing 'enabled'");
        }
        boolean enabled = b.bool("enabled").orElseThrow(() -> DomainException.badJson("'enabled' must be a boolean"));
        manage.setEnabled(requester, ruleKind, ruleId, enabled);
        return Map.of();
    }

    @GET
    @Path("v3/pushrules/global/{kind}/{ruleId}/actions")
    public Map<String, Object> actions(@PathParam("kind") String kind, @PathParam("ruleId") String ruleId,
                                       @Context HttpServerRequest request) {
        var requester = auth.require(request);
        return Map.of("actions", queries.actions(requester, PushBodies.kind(kind), ruleId));
    }

    @PUT
    @Path("v3/pushrules/global/{kind}/{ruleId}/actions")
    public Map<String, Object> setActions(@PathParam("kind") String kind, @PathParam("ruleId") String ruleId,
                                          byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        RuleKind ruleKind = PushBodies.kind(kind);
        JsonObject b = json.readObject(body);
        if (!b.has("actions")) {
            throw DomainException.badJson("Missing 'actions'");
        }
        JsonArray actions = b.array("actions").orElseThrow(() -> DomainException.badJson("'actions' must be an array"));
        manage.setActions(requester, ruleKind, ruleId, PushAction.parseAll(actions));
        return Map.of();
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
