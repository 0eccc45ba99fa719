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
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/**
 * The push rules API: the whole ruleset ({@code /pushrules/}, which matrix-js-sdk calls with the trailing slash, and
 * {@code /pushrules/global/}), single rules, and their {@code enabled} and {@code actions}. Only the {@code global}
 * scope exists. Paths are read part by part as Synapse reads them ({@link PushRulePath}), trailing slashes included.
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

    /**
     * Every read, as Synapse answers it: {@code /pushrules/} the whole ruleset, {@code /pushrules/global/} the global
     * one, {@code /pushrules/global/{kind}/} the rules of a kind, {@code .../{ruleId}} a rule and
     * {@code .../{ruleId}/{attr}} one of its members. A missing trailing slash, another scope, an unknown kind or an
     * attribute the rule does not have: 400 {@code M_UNRECOGNIZED}.
     */
    @GET
    @Path("v3/pushrules{path: (/.*)?}")
    public JsonValue get(@Context HttpServerRequest request) {
        var requester = auth.require(request);
        List<String> parts = PushRulePath.of(request.path()).parts();
        if (parts.getFirst().isEmpty()) {
            return JsonObject.builder().put("global", queries.ruleset(requester)).build();
        }
        if (!parts.getFirst().equals("global")) {
            throw PushRulePath.unrecognized("Unrecognized request");
        }
        if (parts.size() < 2) {
            throw PushRulePath.unrecognized(PushRulePath.TRAILING_SLASH);
        }
        JsonObject ruleset = queries.ruleset(requester);
        if (parts.get(1).isEmpty()) {
            return ruleset;
        }
        RuleKind kind = RuleKind.parse(parts.get(1))
                .orElseThrow(() -> PushRulePath.unrecognized("Unrecognized request"));
        if (parts.size() < 3) {
            throw PushRulePath.unrecognized(PushRulePath.TRAILING_SLASH);
        }
        if (parts.get(2).isEmpty()) {
            return ruleset.get(kind.wireName()).orElse(JsonArray.EMPTY);
        }
        JsonObject rule = queries.rule(requester, kind, parts.get(2));
        if (parts.size() < 4) {
            return rule;
        }
        String attr = parts.get(3);
        JsonValue value = rule.get(attr).orElseThrow(() -> PushRulePath.unrecognized("Unrecognized request"));
        return JsonObject.builder().put(attr, value).build();
    }

    /**
     * A new or replaced rule ({@code /pushrules/global/{kind}/{ruleId}}), or its {@code enabled} or {@code actions}.
     * An unknown kind is 400 {@code M_UNKNOWN} and another attribute 400 {@code M_UNRECOGNIZED}, as Synapse.
     */
    @PUT
    @Path("v3/pushrules{path: (/.*)?}")
    public Map<String, Object> put(@QueryParam("before") String before, @QueryParam("after") String after,
                                   byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        PushRulePath.Spec spec = PushRulePath.of(request.path()).spec();
        RuleKind kind = RuleKind.parse(spec.kind())
                .orElseThrow(() -> new DomainException(ErrorKind.UNKNOWN, "Unknown template: " + spec.kind()));
        if (spec.attr() == null) {
            UserPushRules.NewRule rule = UserPushRules.NewRule.parse(kind, json.readObject(body));
            manage.put(new PutPushRuleCommand(requester, kind, spec.ruleId(), rule, blankToNull(before),
                    blankToNull(after)));
            return Map.of();
        }
        switch (spec.attr()) {
            case "enabled" -> setEnabled(requester, kind, spec.ruleId(), json.readObject(body));
            case "actions" -> setActions(requester, kind, spec.ruleId(), json.readObject(body));
            default -> throw PushRulePath.unrecognized("Unrecognized request");
        }
        return Map.of();
    }

    /**
     * Deletes one of the user's rules; an unknown kind is an unknown rule (404). A path naming an attribute is
     * refused (400 {@code M_UNRECOGNIZED}), where Synapse would delete the whole rule.
     */
    @DELETE
    @Path("v3/pushrules{path: (/.*)?}")
    public Map<String, Object> delete(@Context HttpServerRequest request) {
        var requester = auth.require(request);
        PushRulePath.Spec spec = PushRulePath.of(request.path()).spec();
        if (spec.attr() != null) {
            throw PushRulePath.unrecognized("Unrecognized request");
        }
        RuleKind kind = RuleKind.parse(spec.kind()).orElseThrow(() -> DomainException.notFound("Not found"));
        manage.delete(requester, kind, spec.ruleId());
        return Map.of();
    }

    private void setEnabled(Requester requester, RuleKind kind, String ruleId, JsonObject b) {
        if (!b.has("enabled")) {
            throw DomainException.badJson("Missing 'enabled'");
        }
        boolean enabled = b.bool("enabled").orElseThrow(() -> DomainException.badJson("'enabled' must be a boolean"));
        manage.setEnabled(requester, kind, ruleId, enabled);
    }

    private void setActions(Requester requester, RuleKind kind, String ruleId, JsonObject b) {
        if (!b.has("actions")) {
            throw DomainException.badJson("Missing 'actions'");
        }
        JsonArray actions = b.array("actions").orElseThrow(() -> DomainException.badJson("'actions' must be an array"));
        manage.setActions(requester, kind, ruleId, PushAction.parseAll(actions));
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
