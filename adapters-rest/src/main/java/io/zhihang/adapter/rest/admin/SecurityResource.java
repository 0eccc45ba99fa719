package io.zhihang.adapter.rest.admin;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.json.Fields;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.adapter.rest.json.QueryParams;
import io.zhihang.application.port.in.admin.security.AddressReputation;
import io.zhihang.application.port.in.admin.security.BlockAddressCommand;
import io.zhihang.application.port.in.admin.security.IpReputationQuery;
import io.zhihang.application.port.in.admin.security.ListSecurityEventsUseCase;
import io.zhihang.application.port.in.admin.security.ManageIpBlocksUseCase;
import io.zhihang.application.port.in.admin.security.SecurityEventPage;
import io.zhihang.application.port.in.admin.security.SecurityEventsQuery;
import io.zhihang.application.port.out.security.StoredSecurityEvent;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.net.IpRange;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.security.IpBlock;
import io.zhihang.domain.security.IpReputation;
import io.zhihang.domain.security.SecurityEvent;
import io.zhihang.domain.security.SecurityEventType;
import io.zhihang.domain.shared.DomainException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seed's security tools under {@code /_synapse/admin/v1/security}: the security event log, IP blocks and IP
 * reputation. Server admins only.
 */
@Path("/_synapse/admin/v1/security")
@Produces(MediaType.APPLICATION_JSON)
public class SecurityResource {
    private final AdminRequests admins;
    private final JsonBodies json;
    private final ListSecurityEventsUseCase events;
    private final ManageIpBlocksUseCase blocks;
    private final IpReputationQuery reputations;
    private final InstantSource clock;

    public SecurityResource(AdminRequests admins, JsonBodies json, ListSecurityEventsUseCase events,
                            ManageIpBlocksUseCase blocks, IpReputationQuery reputations, InstantSource clock) {
        this.admins = admins;
        this.json = json;
        this.events = events;
        this.blocks = blocks;
        this.reputations = reputations;
        this.clock = clock;
    }

    @GET
    @Path("events")
    public Map<String, Object> events(@QueryParam("type") String type, @QueryParam("user_id") String userId,
                                      @QueryParam("ip") String ip, @QueryParam("since") String since,
                                      @QueryParam("until") String until, @QueryParam("from") String from,
                                      @QueryParam("limit") String limit, @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        SecurityEventType eventType = type == null ? null : SecurityEventType.ofWireName(type)
                .orElseThrow(() -> DomainException.invalidParam("Unknown security event type: " + type));
        SecurityEventsQuery query = new SecurityEventsQuery(eventType, userId, ip, instant(since, "since"),
                instant(until, "until"), from == null ? null : number(from, "from"),
                QueryParams.limit(limit, SecurityEventsQuery.DEFAULT_LIMIT));
        SecurityEventPage page = events.list(admin, query);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("events", page.events().stream().map(SecurityResource::event).toList());
        out.put("total", page.total());
        if (page.nextToken() != null) {
            out.put("next_token", page.nextToken().toString());
        }
        return out;
    }

    @GET
    @Path("ip/blocks")
    public Map<String, Object> blocks(@Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        var all = blocks.list(admin);
        Instant now = clock.instant();
        return Map.of("blocks", all.stream().map(b -> block(b, now)).toList(), "total", all.size());
    }

    @POST
    @Path("ip/block")
    public Map<String, Object> block(byte[] body, @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        JsonObject in = json.readObject(body);
        Long expires = millis(in, "expires_ts");
        Long duration = millis(in, "duration_ms");
        BlockAddressCommand command = new BlockAddressCommand(range(in), Fields.string(in, "reason"),
                expires == null ? null : Instant.ofEpochMilli(expires),
                duration == null ? null : Duration.ofMillis(duration), Fields.bool(in, "force"),
                AdminRequests.clientIp(request));
        return block(blocks.block(admin, command), clock.instant());
    }

    @POST
    @Path("ip/unblock")
    public Map<String, Object> unblock(byte[] body, @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        IpRange range = range(json.readObject(body));
        blocks.unblock(admin, range, AdminRequests.clientIp(request));
        return Map.of("ip", range.toString(), "unblocked", true);
    }

    @GET
    @Path("ip/reputation/{ip}")
    public Map<String, Object> reputation(@PathParam("ip") String ip, @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        AddressReputation found = reputations.reputation(admin, ip);
        IpReputation reputation = found.reputation();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ip", found.address());
        out.put("score", reputation.score());
        out.put("risk", reputation.risk());
        out.put("blocked", found.block().isPresent());
        found.block().ifPresent(b -> out.put("block", block(b, clock.instant())));
        out.put("last_hour", counts(reputation.lastHour()));
        out.put("last_day", counts(reputation.lastDay()));
        return out;
    }

    private static IpRange range(JsonObject in) {
        String text = Fields.string(in, "ip");
        if (text == null) {
            text = Fields.string(in, "cidr");
        }
        if (text == null) {
            throw DomainException.missingParam("Missing 'ip' (an address or a CIDR range)");
        }
        try {
            return IpRange.parse(text);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidParam("Not an address or CIDR range: " + text);
        }
    }

    private static Long millis(JsonObject in, String key) {
        JsonValue v = in.members().get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof JsonNumber n) {
            return n.value();
        }
        throw DomainException.badJson("'" + key + "' must be an integer (ms)");
    }

    private static Instant instant(String raw, String name) {
        return raw == null ? null : Instant.ofEpochMilli(number(raw, name));
    }

    private static long number(String raw, String name) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw DomainException.invalidParam(name + " must be an integer");
        }
    }

    private static Map<String, Object> event(StoredSecurityEvent stored) {
        SecurityEvent e = stored.event();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("event_id", stored.id());
        out.put("type", e.type().wireName());
        out.put("ts", e.at().toEpochMilli());
        out.put("user_id", e.userId());
        out.put("ip", e.ip());
        if (e.action() != null) {
            out.put("action", e.action());
        }
        if (e.target() != null) {
            out.put("target", e.target());
        }
        out.put("details", e.details());
        return out;
    }

    private static Map<String, Object> block(IpBlock b, Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ip", b.range().toString());
        out.put("reason", b.reason());
        out.put("created_by", b.createdBy());
        out.put("created_ts", b.createdAt().toEpochMilli());
        out.put("expires_ts", b.expiresAt() == null ? null : b.expiresAt().toEpochMilli());
        out.put("active", b.activeAt(now));
        out.put("automatic", b.createdBy() == null);
        return out;
    }

    private static Map<String, Object> counts(IpReputation.Counts c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("failed_logins", c.failedLogins());
        out.put("uia_failures", c.uiaFailures());
        out.put("rate_limited", c.rateLimited());
        out.put("blocked_requests", c.blockedRequests());
        return out;
    }
}
