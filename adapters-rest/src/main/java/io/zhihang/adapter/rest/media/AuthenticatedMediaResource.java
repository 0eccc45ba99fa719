package io.zhihang.adapter.rest.media;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.application.port.in.media.MediaQueries;
import io.zhihang.domain.media.ThumbnailRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.Optional;

/**
 * The authenticated media endpoints ({@code /_matrix/client/v1/media/…}, spec v1.11): downloads, thumbnails and the
 * upload limit, each for holders of an access token only.
 */
@Path("/_matrix/client/v1/media")
public class AuthenticatedMediaResource {
    private final Authenticator auth;
    private final MediaQueries media;

    public AuthenticatedMediaResource(Authenticator auth, MediaQueries media) {
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
}
