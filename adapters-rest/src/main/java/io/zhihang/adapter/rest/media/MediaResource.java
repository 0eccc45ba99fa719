package io.zhihang.adapter.rest.media;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.QueryParams;
import io.zhihang.application.port.in.media.MediaQueries;
import io.zhihang.application.port.in.media.PreviewUrlQuery;
import io.zhihang.application.port.in.media.PreviewUrlUseCase;
import io.zhihang.application.port.in.media.UploadMediaUseCase;
import io.zhihang.domain.media.ThumbnailRequest;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.media.MediaInfo;
import io.zhihang.domain.media.PendingMedia;
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

import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code /_matrix/media} tree (one class, as JAX-RS picks a class by path before it looks at methods): uploads,
 * {@code POST /upload} (also the seed's {@code r1}) and the asynchronous pair {@code POST /v1/create} +
  * {@code PUT /upload/{server}/{id}} (also as {@code POST}, the seed's path), streamed to the store, never held in
 * memory; and the deprecated unauthenticated downloads and thumbnails older clients use, plus {@code /config} and
 * {@code /preview_url} (with an access token, as Synapse).
 */
@Path("/_matrix/media")
public class MediaResource {
    private final Authenticator auth;
    private final UploadMediaUseCase uploads;
    private final MediaQueries media;
    private final PreviewUrlUseCase previews;

    public MediaResource(Authenticator auth, UploadMediaUseCase uploads, MediaQueries media,
                         PreviewUrlUseCase previews) {
        this.previews = previews;
        this.auth = auth;
        this.uploads = uploads;
        this.media = media;
    }

    @POST
    @Path("{version:v3|r0|v1|r1}/upload")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> upload(@QueryParam("filename") String fileName, InputStream body,
                                      @Context HttpServerRequest request) {
        var requester = auth.require(request);
        MediaInfo stored = uploads.upload(requester, MediaUploads.of(body, fileName, request));
        return Map.of("content_uri", uploads.uri(stored.mediaId()).toString());
    }

    @POST
    @Path("{version:v1|v3}/create")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> create(@Context HttpServerRequest request) {
        PendingMedia reserved = uploads.create(auth.require(request));
        return Map.of("content_uri", uploads.uri(reserved.mediaId()).toString(),
                "unused_expires_at", reserved.unusedExpiresAt().toEpochMilli());
    }

    @PUT
    @Path("{version:v3|r0|v1|r1}/upload/{serverName}/{mediaId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> put(@PathParam("serverName") String serverName, @PathParam("mediaId") String mediaId,
                                   @QueryParam("filename") String fileName, InputStream body,
                                   @Context HttpServerRequest request) {
        var requester = auth.require(request);
        uploads.uploadTo(requester, serverName, mediaId, MediaUploads.of(body, fileName, request));
        return Map.of();
    }

    /** The seed's spelling of the asynchronous upload. */
    @POST
    @Path("{version:v3|r0|v1|r1}/upload/{serverName}/{mediaId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> post(@PathParam("serverName") String serverName, @PathParam("mediaId") String mediaId,
                                    @QueryParam("filename") String fileName, InputStream body,
                                    @Context HttpServerRequest request) {
        return put(serverName, mediaId, fileName, body, request);
    }

    @GET
    @Path("{version:v3|r0|v1|r1}/download/{serverName}/{mediaId}")
    public Response legacyDownload(@PathParam("serverName") String serverName, @PathParam("mediaId") String mediaId,
                                   @QueryParam("timeout_ms") String timeoutMs) {
        return MediaResponses.content(media.download(serverName, mediaId, MediaResponses.maxWait(timeoutMs)),
                Optional.empty(), false);
    }

    @GET
    @Path("{version:v3|r0|v1|r1}/download/{serverName}/{mediaId}/{fileName}")
    public Response legacyDownloadAs(@PathParam("serverName") String serverName,
                                     @PathParam("mediaId") String mediaId, @PathParam("fileName") String fileName,
                                     @QueryParam("timeout_ms") String timeoutMs) {
        return MediaResponses.content(media.download(serverName, mediaId, MediaResponses.maxWait(timeoutMs)),
                Optional.of(fileName), false);
    }

    @GET
    @Path("{version:v3|r0|v1|r1}/thumbnail/{serverName}/{mediaId}")
    public Response legacyThumbnail(@PathParam("serverName") String serverName, @PathParam("mediaId") String mediaId,
                                    @QueryParam("width") String width, @QueryParam("height") String height,
                                    @QueryParam("method") String method, @QueryParam("animated") String animated,
                                    @QueryParam("timeout_ms") String timeoutMs) {
        return MediaResponses.content(media.thumbnail(serverName, mediaId,
                ThumbnailRequest.parse(width, height, method, animated), MediaResponses.maxWait(timeoutMs)),
                Optional.empty(), false);
    }

    @GET
    @Path("{version:v3|r0|v1|r1}/config")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> config(@Context HttpServerRequest request) {
        auth.require(request);
        return Map.of("m.upload.size", media.maxUploadBytes());
    }

    /** {@code GET preview_url?url=…&ts=…}: the Open Graph data of a web page (Synapse's {@code PreviewUrlResource}). */
    @GET
    @Path("{version:v3|r0|v1}/preview_url")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject previewUrl(@QueryParam("url") String url, @QueryParam("ts") String ts,
                                 @Context HttpServerRequest request) {
        var requester = auth.require(request);
        Optional<Instant> at = Optional.ofNullable(QueryParams.optionalLong("ts", ts)).map(Instant::ofEpochMilli);
        return previews.preview(new PreviewUrlQuery(requester, url, at));
    }
}
