package io.zhihang.adapter.rest.admin;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.json.QueryParams;
import io.zhihang.application.port.in.admin.media.DeleteMediaUseCase;
import io.zhihang.application.port.in.admin.media.MediaAdminQueries;
import io.zhihang.application.port.in.admin.media.ModerateMediaUseCase;
import io.zhihang.application.port.in.admin.media.UserMediaQuery;
import io.zhihang.application.port.out.media.MediaAdminRepository.MediaOrder;
import io.zhihang.application.port.out.media.MediaAdminRepository.MediaPage;
import io.zhihang.application.port.out.media.MediaAdminRepository.StoredMedia;
import io.zhihang.application.port.out.media.MediaAdminRepository.UsageOrder;
import io.zhihang.application.port.out.media.MediaAdminRepository.UsagePage;
import io.zhihang.application.port.out.media.MediaAdminRepository.UsageQuery;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.RoomId;
import io.zhihang.domain.shared.UserId;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Synapse's media admin API ({@code docs/admin_api/media_admin_api.md}, the user media part of
 * {@code user_admin_api.md} and {@code statistics.md}), with the fields synadm reads. Admins only.
 */
@Path("/_synapse/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminMediaResource {
    /** Synapse refuses a {@code before_ts} this small: it is surely seconds, not milliseconds. */
    private static final long SMALLEST_BEFORE_TS = 30_000_000_000L;

    private final AdminRequests admins;
    private final MediaAdminQueries queries;
    private final ModerateMediaUseCase moderation;
    private final DeleteMediaUseCase deletion;

    public AdminMediaResource(AdminRequests admins, MediaAdminQueries queries, ModerateMediaUseCase moderation,
                              DeleteMediaUseCase deletion) {
        this.admins = admins;
        this.queries = queries;
        this.moderation = moderation;
        this.deletion = deletion;
    }

    @GET
    @Path("v1/room/{roomId}/media")
    public Map<String, Object> roomMedia(@PathParam("roomId") String roomId, @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        var media = queries.roomMedia(admin, RoomId.parse(roomId));
        return Map.of("local", media.local(), "remote", media.remote());
    }

    @POST
    @Path("v1/room/{roomId}/media/quarantine")
    public Map<String, Object> quarantineRoom(@PathParam("roomId") String roomId,
                                              @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        return Map.of("num_quarantined", moderation.quarantineRoom(admin, ip(request), RoomId.parse(roomId)));
    }

    /** Synapse's deprecated spelling of {@link #quarantineRoom}. */
    @POST
    @Path("v1/quarantine_media/{roomId}")
    public Map<String, Object> quarantineRoomLegacy(@PathParam("roomId") String roomId,
                                                    @Context HttpServerRequest request) {
        return quarantineRoom(roomId, request);
    }

    @POST
    @Path("v1/user/{userId}/media/quarantine")
    public Map<String, Object> quarantineUser(@PathParam("userId") String userId,
                                              @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        return Map.of("num_quarantined", moderation.quarantineUser(admin, ip(request), UserId.parse(userId)));
    }

    @POST
    @Path("v1/media/quarantine/{serverName}/{mediaId}")
    public Map<String, Object> quarantine(@PathParam("serverName") String serverName,
                                          @PathParam("mediaId") String mediaId, @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        moderation.quarantine(admin, ip(request), serverName, mediaId);
        return Map.of();
    }

    @POST
    @Path("v1/media/unquarantine/{serverName}/{mediaId}")
    public Map<String, Object> unquarantine(@PathParam("serverName") String serverName,
                                            @PathParam("mediaId") String mediaId, @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        moderation.unquarantine(admin, ip(request), serverName, mediaId);
        return Map.of();
    }

    @POST
    @Path("v1/media/protect/{mediaId}")
    public Map<String, Object> protect(@PathParam("mediaId") String mediaId, @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        moderation.protect(admin, ip(request), mediaId, true);
        return Map.of();
    }

    @POST
    @Path("v1/media/unprotect/{mediaId}")
    public Map<String, Object> unprotect(@PathParam("mediaId") String mediaId, @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        moderation.protect(admin, ip(request), mediaId, false);
        return Map.of();
    }

    @GET
    @Path("v1/media/{serverName}/{mediaId}")
    public Map<String, Object> media(@PathParam("serverName") String serverName, @PathParam("mediaId") String mediaId,
                                     @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        StoredMedia media = queries.media(admin, serverName, mediaId);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("media_origin", null);
        info.put("user_id", media.uploader().toString());
        info.putAll(listed(media));
        info.put("filesystem_id", null);
        info.put("url_cache", null);
        info.put("authenticated", null);
        info.put("sha256", media.sha256());
        return Map.of("media_info", info);
    }

    @DELETE
    @Path("v1/media/{serverName}/{mediaId}")
    public Map<String, Object> delete(@PathParam("serverName") String serverName,
                                      @PathParam("mediaId") String mediaId, @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        return deleted(deletion.delete(admin, ip(request), serverName, mediaId));
    }

    @POST
    @Path("v1/media/delete")
    public Map<String, Object> deleteOld(@QueryParam("before_ts") String beforeTs, @QueryParam("size_gt") String sizeGt,
                                         @QueryParam("keep_profiles") String keepProfiles,
                                         @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        long before = beforeTs(beforeTs);
        Long size = QueryParams.optionalLong("size_gt", sizeGt);
        if (size != null && size < 0) {
            throw DomainException.invalidParam("Query parameter size_gt must be a string representing a positive integer.");
        }
        Boolean keep = QueryParams.optionalBoolean("keep_profiles", keepProfiles);
        return deleted(deletion.deleteOld(admin, ip(request), Instant.ofEpochMilli(before), size == null ? 0 : size,
                keep == null || keep));
    }

    /** Synapse's deprecated form of {@link #deleteOld}, naming the (local) server. */
    @POST
    @Path("v1/media/{serverName}/delete")
    public Map<String, Object> deleteOldOfServer(@PathParam("serverName") String serverName,
                                                 @QueryParam("before_ts") String beforeTs,
                                                 @QueryParam("size_gt") String sizeGt,
                                                 @QueryParam("keep_profiles") String keepProfiles,
                                                 @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        if (!admin.userId().server().value().equals(serverName)) {
            throw new DomainException(ErrorKind.UNKNOWN, "Can only delete local media");
        }
        return deleteOld(beforeTs, sizeGt, keepProfiles, request);
    }

    @POST
    @Path("v1/purge_media_cache")
    public Map<String, Object> purgeMediaCache(@QueryParam("before_ts") String beforeTs,
                                               @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        long before = QueryParams.requiredLong("before_ts", beforeTs);
        if (before < 0) {
            throw DomainException.invalidParam("Query parameter before_ts must be a positive integer.");
        }
        return Map.of("deleted", deletion.purgeRemoteCache(admin, ip(request), Instant.ofEpochMilli(checked(before))));
    }

    @GET
    @Path("v1/users/{userId}/media")
    public Map<String, Object> userMedia(@PathParam("userId") String userId, @QueryParam("from") String from,
                                         @QueryParam("limit") String limit, @QueryParam("order_by") String orderBy,
                                         @QueryParam("dir") String dir, @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        UserMediaQuery query = userMediaQuery(from, limit, orderBy, dir);
        MediaPage page = queries.userMedia(admin, UserId.parse(userId), query);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("media", page.media().stream().map(AdminMediaResource::listed).toList());
        out.put("total", page.total());
        if ((long) query.from() + query.limit() < page.total()) {
            out.put("next_token", query.from() + page.media().size());
        }
        return out;
    }

    @DELETE
    @Path("v1/users/{userId}/media")
    public Map<String, Object> deleteUserMedia(@PathParam("userId") String userId, @QueryParam("from") String from,
                                               @QueryParam("limit") String limit,
                                               @QueryParam("order_by") String orderBy, @QueryParam("dir") String dir,
                                               @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        return deleted(deletion.deleteUserMedia(admin, ip(request), UserId.parse(userId),
                userMediaQuery(from, limit, orderBy, dir)));
    }

    @GET
    @Path("v1/statistics/users/media")
    public Map<String, Object> usage(@QueryParam("from") String from, @QueryParam("limit") String limit,
                                     @QueryParam("order_by") String orderBy, @QueryParam("dir") String dir,
                                     @QueryParam("from_ts") String fromTs, @QueryParam("until_ts") String untilTs,
                                     @QueryParam("search_term") String searchTerm,
                                     @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        int start = QueryParams.nonNegativeInt("from", from, 0);
        int max = QueryParams.nonNegativeInt("limit", limit, UserMediaQuery.DEFAULT_LIMIT);
        UsageOrder order = orderBy == null ? UsageOrder.USER_ID : switch (orderBy) {
            case "user_id" -> UsageOrder.USER_ID;
            case "displayname" -> UsageOrder.DISPLAYNAME;
            case "media_length" -> UsageOrder.MEDIA_LENGTH;
            case "media_count" -> UsageOrder.MEDIA_COUNT;
            default -> throw DomainException.invalidParam("Unknown value for order_by: " + orderBy);
        };
        Long since = QueryParams.optionalLong("from_ts", fromTs);
        Long until = QueryParams.optionalLong("until_ts", untilTs);
        if (since != null && since < 0) {
            throw DomainException.invalidParam("Query parameter from_ts must be a string representing a positive integer.");
        }
        if (until != null && until < 0) {
            throw DomainException.invalidParam("Query parameter until_ts must be a string representing a positive integer.");
        }
        if (since != null && until != null && until <= since) {
            throw DomainException.invalidParam("Query parameter until_ts must be greater than from_ts.");
        }
        if (searchTerm != null && searchTerm.isEmpty()) {
            throw DomainException.invalidParam("Query parameter search_term cannot be an empty string.");
        }
        UsagePage page = queries.usage(admin, new UsageQuery(order, QueryParams.backwards(dir, false), start, max,
                since, until, searchTerm));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("users", page.users().stream().map(u -> {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("user_id", u.userId().toString());
            user.put("displayname", u.displayname());
            user.put("media_count", u.mediaCount());
            user.put("media_length", u.mediaLength());
            return user;
        }).toList());
        out.put("total", page.total());
        if ((long) start + max < page.total()) {
            out.put("next_token", start + page.users().size());
        }
        return out;
    }

    private static UserMediaQuery userMediaQuery(String from, String limit, String orderBy, String dir) {
        int start = QueryParams.nonNegativeInt("from", from, 0);
        int max = QueryParams.nonNegativeInt("limit", limit, UserMediaQuery.DEFAULT_LIMIT);
        MediaOrder order = MediaOrder.CREATED_TS;
        if (orderBy != null) {
            try {
                order = MediaOrder.valueOf(orderBy.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalidParam("Unknown value for order_by: " + orderBy);
            }
        }
        // Neither order_by nor dir: the newest first, as Synapse.
        boolean backwards = orderBy == null && dir == null || QueryParams.backwards(dir, false);
        return new UserMediaQuery(order, backwards, start, max);
    }


    private static long beforeTs(String raw) {
        return checked(QueryParams.requiredLong("before_ts", raw));
    }

    private static long checked(long beforeTs) {
        if (beforeTs < SMALLEST_BEFORE_TS) {
            throw DomainException.invalidParam("Query parameter before_ts you provided is from the year 1970. "
                    + "Double check that you are providing a timestamp in milliseconds.");
        }
        return beforeTs;
    }

    private static Map<String, Object> listed(StoredMedia media) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("media_id", media.mediaId().value());
        out.put("media_type", media.contentType());
        out.put("media_length", media.size());
        out.put("upload_name", media.uploadName().orElse(null));
        out.put("created_ts", media.createdAt().toEpochMilli());
        out.put("last_access_ts", null);
        out.put("quarantined_by", media.quarantinedBy().map(UserId::toString).orElse(null));
        out.put("safe_from_quarantine", media.safeFromQuarantine());
        return out;
    }

    private static Map<String, Object> deleted(List<String> mediaIds) {
        return Map.of("deleted_media", mediaIds, "total", mediaIds.size());
    }

    private static String ip(HttpServerRequest request) {
        return AdminRequests.clientIp(request);
    }
}
