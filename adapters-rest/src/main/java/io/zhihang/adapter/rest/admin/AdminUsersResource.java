package io.zhihang.adapter.rest.admin;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.client.UserIds;
import io.zhihang.adapter.rest.json.Fields;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.adapter.rest.json.QueryParams;
import io.zhihang.application.port.in.admin.AdminCaller;
import io.zhihang.application.port.in.admin.AdminUserQueries;
import io.zhihang.application.port.in.admin.ManageUsersUseCase;
import io.zhihang.application.port.in.admin.UpsertUserCommand;
import io.zhihang.application.port.out.admin.AdminUserDirectory;
import io.zhihang.application.port.out.admin.UserListing;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonBool;
import io.zhihang.domain.protocol.json.JsonNull;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.ratelimit.RateLimitOverride;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Synapse's user admin API as synadm 0.38 calls it ({@code /_synapse/admin/v1|v2/…}), plus the seed's aliases
 * ({@code GET v1/users}, {@code GET v1/users/{userId}}, {@code POST v1/users/{userId}/deactivate}). Every endpoint
 * checks for a server admin first.
 */
@Path("/_synapse/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminUsersResource {
    private static final int MAX_PASSWORD_LENGTH = 512;

    private final AdminRequests admins;
    private final AdminUserQueries queries;
    private final ManageUsersUseCase users;
    private final JsonBodies json;

    public AdminUsersResource(AdminRequests admins, AdminUserQueries queries, ManageUsersUseCase users,
                              JsonBodies json) {
        this.admins = admins;
        this.queries = queries;
        this.users = users;
        this.json = json;
    }

    // ---- listing and details ----

    @GET
    @Path("v2/users")
    public Map<String, Object> list(@QueryParam("from") String from, @QueryParam("limit") String limit,
                                    @QueryParam("user_id") String userId, @QueryParam("name") String name,
                                    @QueryParam("guests") String guests,
                                    @QueryParam("deactivated") String deactivated,
                                    @QueryParam("admins") String adminsOnly,
                                    @QueryParam("order_by") String orderBy, @QueryParam("dir") String dir,
                                    @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        int start = QueryParams.nonNegativeInt("from", from, 0);
        int size = QueryParams.nonNegativeInt("limit", limit, 100);
        boolean includeGuests = !Boolean.FALSE.equals(QueryParams.optionalBoolean("guests", guests));
        Boolean deactivatedFilter = Boolean.TRUE.equals(QueryParams.optionalBoolean("deactivated", deactivated))
                ? null : Boolean.FALSE;
        UserListing listing = new UserListing(start, size, userId, name, includeGuests, deactivatedFilter,
                QueryParams.optionalBoolean("admins", adminsOnly), order(orderBy), backwards(dir));
        AdminUserDirectory.Page page = queries.users(admin, listing);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("users", page.users().stream().map(AdminUserViews::listed).toList());
        out.put("total", page.total());
        if ((long) start + size < page.total()) {
            out.put("next_token", String.valueOf(start + page.users().size()));
        }
        return out;
    }

    /** The seed's {@code GET /_synapse/admin/v1/users}: the same list as v2. */
    @GET
    @Path("v1/users")
    public Map<String, Object> listV1(@QueryParam("from") String from, @QueryParam("limit") String limit,
                                      @QueryParam("user_id") String userId, @QueryParam("name") String name,
                                      @QueryParam("guests") String guests,
                                      @QueryParam("deactivated") String deactivated,
                                      @QueryParam("admins") String adminsOnly,
                                      @QueryParam("order_by") String orderBy, @QueryParam("dir") String dir,
                                      @Context HttpServerRequest request) {
        return list(from, limit, userId, name, guests, deactivated, adminsOnly, orderBy, dir, request);
    }

    @GET
    @Path("v2/users/{userId}")
    public Map<String, Object> user(@PathParam("userId") String userId, @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        return AdminUserViews.detailed(queries.user(admin, UserIds.parse(userId)));
    }

    /** The seed's {@code GET /_synapse/admin/v1/users/{userId}}: the same as v2. */
    @GET
    @Path("v1/users/{userId}")
    public Map<String, Object> userV1(@PathParam("userId") String userId, @Context HttpServerRequest request) {
        return user(userId, request);
    }

    // ---- create or modify ----

    @PUT
    @Path("v2/users/{userId}")
    public Response upsert(@PathParam("userId") String userId, byte[] body, @Context HttpServerRequest request) {
        AdminCaller caller = admins.caller(request);
        UserId user = UserIds.parse(userId);
        JsonObject b = json.readObject(body);
        String password = password(b);
        boolean logoutDevices = optionalBool(b, "logout_devices", "'logout_devices' parameter is not of type boolean");
        Boolean admin = optionalBoolOrNull(b, "admin", "Param 'admin' must be a boolean, if given");
        Boolean deactivated = optionalBoolOrNull(b, "deactivated", "'deactivated' parameter is not of type boolean");
        Boolean locked = optionalBoolOrNull(b, "locked", "'locked' parameter is not of type boolean");
        if (Boolean.TRUE.equals(locked)) {
            throw DomainException.invalidParam("Locking accounts is not supported by this server");
        }
        refuseNonEmpty(b, "threepids", "Third-party identifiers are not stored by this server");
        refuseNonEmpty(b, "external_ids", "External identity providers are not supported by this server");
        if (b.get("user_type").filter(v -> !(v instanceof JsonNull)).isPresent()) {
            throw DomainException.invalidParam("Invalid user type");
        }
        boolean created = users.upsert(new UpsertUserCommand(caller, user, password, logoutDevices,
                nullableString(b, "displayname"), nullableString(b, "avatar_url"), admin, deactivated));
        Map<String, Object> view = AdminUserViews.detailed(queries.user(caller.admin(), user));
        return Response.status(created ? 201 : 200).entity(view).build();
    }

    // ---- deactivation, password, admin flag ----

    @POST
    @Path("v1/deactivate/{userId}")
    public Map<String, Object> deactivate(@PathParam("userId") String userId, byte[] body,
                                          @Context HttpServerRequest request) {
        AdminCaller caller = admins.caller(request);
        JsonObject b = body == null || body.length == 0 ? JsonObject.EMPTY : json.readObject(body);
        boolean erase = b.get("erase").map(v -> v instanceof JsonBool eb ? eb.value() : badErase()).orElse(false);
        users.deactivate(caller, UserIds.parse(userId), erase);
        return Map.of("id_server_unbind_result", "success");
    }

    /** The seed's {@code POST /_synapse/admin/v1/users/{userId}/deactivate}: the same as {@code v1/deactivate}. */
    @POST
    @Path("v1/users/{userId}/deactivate")
    public Map<String, Object> deactivateSeed(@PathParam("userId") String userId, byte[] body,
                                              @Context HttpServerRequest request) {
        return deactivate(userId, body, request);
    }

    @POST
    @Path("v1/reset_password/{userId}")
    public Map<String, Object> resetPassword(@PathParam("userId") String userId, byte[] body,
                                             @Context HttpServerRequest request) {
        AdminCaller caller = admins.caller(request);
        JsonObject b = json.readObject(body);
        if (!b.has("new_password")) {
            throw DomainException.missingParam("Missing params: ['new_password']");
        }
        String password = password(b.without("password").with("password", b.get("new_password").orElseThrow()));
        boolean logoutDevices = optionalBool(b, "logout_devices", "'logout_devices' parameter is not of type boolean");
        users.resetPassword(caller, UserIds.parse(userId), password, logoutDevices);
        return Map.of();
    }

    @GET
    @Path("v1/users/{userId}/admin")
    public Map<String, Object> isAdmin(@PathParam("userId") String userId, @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        return Map.of("admin", queries.isAdmin(admin, UserIds.parse(userId)));
    }

    @PUT
    @Path("v1/users/{userId}/admin")
    public Map<String, Object> setAdmin(@PathParam("userId") String userId, byte[] body,
                                        @Context HttpServerRequest request) {
        AdminCaller caller = admins.caller(request);
        JsonObject b = json.readObject(body);
        if (!b.has("admin")) {
            throw DomainException.missingParam("Missing params: ['admin']");
        }
        Boolean admin = optionalBoolOrNull(b, "admin", "Param 'admin' must be a boolean, if given");
        users.setAdmin(caller, UserIds.parse(userId), admin);
        return Map.of();
    }

    // ---- rooms, login as, shadow ban ----

    @GET
    @Path("v1/users/{userId}/joined_rooms")
    public Map<String, Object> joinedRooms(@PathParam("userId") String userId, @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        List<String> rooms = queries.joinedRooms(admin, UserIds.parse(userId));
        return Map.of("joined_rooms", rooms, "total", rooms.size());
    }

    @POST
    @Path("v1/users/{userId}/login")
    public Map<String, Object> loginAs(@PathParam("userId") String userId, byte[] body,
                                       @Context HttpServerRequest request) {
        AdminCaller caller = admins.caller(request);
        JsonObject b = body == null || body.length == 0 ? JsonObject.EMPTY : json.readObject(body);
        Instant validUntil = null;
        JsonValue raw = b.get("valid_until_ms").orElse(JsonNull.INSTANCE);
        if (raw instanceof JsonNumber n) {
            validUntil = Instant.ofEpochMilli(n.value());
        } else if (!(raw instanceof JsonNull)) {
            throw DomainException.invalidParam("'valid_until_ms' parameter must be an int");
        }
        return Map.of("access_token", users.loginAs(caller, UserIds.parse(userId), validUntil));
    }

    @POST
    @Path("v1/users/{userId}/shadow_ban")
    public Map<String, Object> shadowBan(@PathParam("userId") String userId, @Context HttpServerRequest request) {
        users.setShadowBanned(admins.caller(request), UserIds.parse(userId), true);
        return Map.of();
    }

    @DELETE
    @Path("v1/users/{userId}/shadow_ban")
    public Map<String, Object> shadowUnban(@PathParam("userId") String userId, @Context HttpServerRequest request) {
        users.setShadowBanned(admins.caller(request), UserIds.parse(userId), false);
        return Map.of();
    }

    // ---- rate limit override ----

    @GET
    @Path("v1/users/{userId}/override_ratelimit")
    public Map<String, Object> rateLimit(@PathParam("userId") String userId, @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        return queries.rateLimitOverride(admin, UserIds.parse(userId)).map(AdminUsersResource::override)
                .orElse(Map.of());
    }

    @POST
    @Path("v1/users/{userId}/override_ratelimit")
    public Map<String, Object> setRateLimit(@PathParam("userId") String userId, byte[] body,
                                            @Context HttpServerRequest request) {
        AdminCaller caller = admins.caller(request);
        JsonObject b = body == null || body.length == 0 ? JsonObject.EMPTY : json.readObject(body);
        RateLimitOverride override = new RateLimitOverride(positiveInt(b, "messages_per_second"),
                positiveInt(b, "burst_count"));
        users.setRateLimitOverride(caller, UserIds.parse(userId), override);
        return override(override);
    }

    @DELETE
    @Path("v1/users/{userId}/override_ratelimit")
    public Map<String, Object> deleteRateLimit(@PathParam("userId") String userId,
                                               @Context HttpServerRequest request) {
        users.deleteRateLimitOverride(admins.caller(request), UserIds.parse(userId));
        return Map.of();
    }

    // ---- look-ups this server cannot answer ----

    @GET
    @Path("v1/threepid/{medium}/users/{address}")
    public Map<String, Object> byThreepid(@PathParam("medium") String medium, @PathParam("address") String address,
                                          @Context HttpServerRequest request) {
        admins.requireAdmin(request);
        throw DomainException.notFound("User not found");
    }

    @GET
    @Path("v1/auth_providers/{provider}/users/{externalId}")
    public Map<String, Object> byExternalId(@PathParam("provider") String provider,
                                            @PathParam("externalId") String externalId,
                                            @Context HttpServerRequest request) {
        admins.requireAdmin(request);
        throw DomainException.notFound("User not found");
    }

    // ---- parsing ----


    private static Map<String, Object> override(RateLimitOverride o) {
        return Map.of("messages_per_second", o.messagesPerSecond(), "burst_count", o.burstCount());
    }


    private static UserListing.Order order(String raw) {
        if (raw == null) {
            return UserListing.Order.NAME;
        }
        return Arrays.stream(UserListing.Order.values()).filter(o -> o.wire().equals(raw)).findFirst()
                .orElseThrow(() -> DomainException.invalidParam("Unknown value for order_by: " + raw));
    }

    private static boolean backwards(String raw) {
        if (raw == null || raw.equals("f")) {
            return false;
        }
        if (raw.equals("b")) {
            return true;
        }
        throw DomainException.invalidParam("Unknown direction: " + raw);
    }

    private static String password(JsonObject b) {
        JsonValue v = b.get("password").orElse(JsonNull.INSTANCE);
        if (v instanceof JsonNull) {
            return null;
        }
        if (v instanceof JsonString s && s.value().length() <= MAX_PASSWORD_LENGTH) {
            return s.value();
        }
        throw DomainException.invalidParam("Invalid password");
    }

    /** A boolean field that defaults to true when absent. */
    private static boolean optionalBool(JsonObject b, String key, String refusal) {
        Boolean value = optionalBoolOrNull(b, key, refusal);
        return value == null || value;
    }

    private static Boolean optionalBoolOrNull(JsonObject b, String key, String refusal) {
        JsonValue v = b.get(key).orElse(null);
        if (v == null) {
            return null;
        }
        if (v instanceof JsonBool bool) {
            return bool.value();
        }
        throw DomainException.badJson(refusal);
    }

    private static String nullableString(JsonObject b, String key) {
        if (b.get(key).filter(v -> v instanceof JsonNull).isPresent()) {
            return null;
        }
        return Fields.string(b, key);
    }

    private static void refuseNonEmpty(JsonObject b, String key, String refusal) {
        JsonValue v = b.get(key).orElse(null);
        if (v == null || v instanceof JsonNull) {
            return;
        }
        if (!(v instanceof JsonArray array)) {
            throw DomainException.badJson("'" + key + "' must be an array");
        }
        if (!array.items().isEmpty()) {
            throw DomainException.invalidParam(refusal);
        }
    }

    private static int positiveInt(JsonObject b, String key) {
        JsonValue v = b.get(key).orElse(null);
        if (v == null) {
            return 0;
        }
        if (v instanceof JsonNumber n && n.value() >= 0 && n.value() <= Integer.MAX_VALUE) {
            return (int) n.value();
        }
        throw DomainException.invalidParam(key + " parameter must be a positive int");
    }

    private static boolean badErase() {
        throw DomainException.badJson("Param 'erase' must be a boolean, if given");
    }
}
