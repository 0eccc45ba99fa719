package io.zhihang.adapter.rest.media;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.QueryParams;
import io.zhihang.application.port.in.media.MediaQueries;
import io.zhihang.application.port.in.media.PreviewUrlQuery;
import io.zhihang.application.port.in.media.PreviewUrlUseCase;
import io.zhihang.domain.media.ThumbnailRequest;
import io.zhihang.domain.protocol.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The authenticated media endpoints ({@code /_matrix/client/v1/media/…}, spec v1.11): downloads, thumbnails, the
 * upload limit and URL previews, each for holders of an access token only.
 */
@Path("/_matrix/client/v1/media")
public class AuthenticatedMediaResource {
    private final Authenticator auth;
    private final MediaQueries media;
    private final PreviewUrlUseCase previews;

    public AuthenticatedMediaResource(Authenticator auth, MediaQueries media, PreviewUrlUseCase previews) {
        this.previews = previews;
        this.auth = auth;
        this.media = media;
    }

    @GET
    @Path("download/{serverName}/{mediaId}")
    public Response download(@PathParam("serverName") String serverName, @PathParam("mediaId") String mediaId,
                             @QueryParam("timeout_ms") String timeoutMs, @Context HttpServerRequest request) {
        auth.requireAllowingGuests(request);
        return MediaResponses.content(media.download(serverName, mediaId, MediaResponses.maxWait(timeoutMs)),
                Optional.empty(), true);
    }

    @GET
    @Path("download/{serverName}/{mediaId}/{fileName}")
    public Response downloadAs(@PathParam("serverName") String serverName, @PathParam("mediaId") String mediaId,
                               @PathParam("fileName") String fileName, @QueryParam("timeout_ms") String timeoutMs,
                               @Context HttpServerRequest request) {
        auth.requireAllowingGuests(request);
        return MediaResponses.content(media.download(serverName, mediaId, MediaResponses.maxWait(timeoutMs)),
                Optional.of(fileName), true);
    }

    @GET
    @Path("thumbnail/{serverName}/{mediaId}")
    public Response thumbnail(@PathParam("serverName") String serverName, @PathParam("mediaId") String mediaId,
                              @QueryParam("width") String width, @QueryParam("height") String height,
                              @QueryParam("method") String method, @QueryParam("animated") String animated,
                              @QueryParam("timeout_ms") String timeoutMs, @Context HttpServerRequest request) {
        auth.requireAllowingGuests(request);
        return MediaResponses.content(media.thumbnail(serverName, mediaId,
                ThumbnailRequest.parse(width, height, method, animated), MediaResponses.maxWait(timeoutMs)),
                Optional.empty(), true);
    }

    @GET
    @Path("config")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> config(@Context HttpServerRequest request) {
        auth.require(request);
        return Map.of("m.upload.size", media.maxUploadBytes());
    }

    /** {@code GET preview_url?url=…&ts=…}: the Open Graph data of a web page (Synapse's {@code PreviewUrlResource}). */
    @GET
    @Path("preview_url")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject previewUrl(@QueryParam("url") String url, @QueryParam("ts") String ts,
                                 @Context HttpServerRequest request) {
        var requester = auth.require(request);
        Optional<Instant> at = Optional.ofNullable(QueryParams.optionalLong("ts", ts)).map(Instant::ofEpochMilli);
        return previews.preview(new PreviewUrlQuery(requester, url, at));
    }
}
