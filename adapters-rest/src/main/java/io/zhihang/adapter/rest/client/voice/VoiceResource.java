package io.zhihang.adapter.rest.client.voice;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.client.UserIds;
import io.zhihang.adapter.rest.json.QueryParams;
import io.zhihang.adapter.rest.media.MediaUploads;
import io.zhihang.application.port.in.media.MediaUpload;
import io.zhihang.application.port.in.media.UploadMediaUseCase;
import io.zhihang.application.port.in.voice.VoiceMessagesUseCase;
import io.zhihang.application.port.in.voice.VoiceUpload;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import io.zhihang.domain.voice.VoiceMessage;
import io.zhihang.domain.voice.VoiceStats;
import io.zhihang.domain.voice.Waveform;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The seed's voice API under {@code /_matrix/client/{r0,v3}/voice}. An upload is either the raw audio as the body
 * (with {@code room_id}, and optionally {@code filename} and {@code waveform}, as query parameters) or a
 * {@code multipart/form-data} form with a {@code file} part and the same fields. A client's {@code duration} is
 * accepted but not trusted: the server reads the duration from the audio. Durations are in milliseconds.
 */
@Path("/_matrix/client/v3/voice")
@Produces(MediaType.APPLICATION_JSON)
public class VoiceResource {
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final Authenticator auth;
    private final VoiceMessagesUseCase voices;
    private final UploadMediaUseCase media;

    public VoiceResource(Authenticator auth, VoiceMessagesUseCase voices, UploadMediaUseCase media) {
        this.auth = auth;
        this.voices = voices;
        this.media = media;
    }

    @POST
    @Path("upload")
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> upload(@QueryParam("room_id") String roomId, @QueryParam("filename") String fileName,
                                      @QueryParam("waveform") String waveform, InputStream body,
                                      @Context HttpServerRequest request) {
        var requester = auth.require(request);
        MediaUpload audio = MediaUploads.of(body, fileName, request);
        return view(voices.upload(requester, new VoiceUpload(required(roomId), audio, Waveform.parse(waveform))));
    }

    @POST
    @Path("upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Map<String, Object> uploadForm(@RestForm("file") FileUpload file, @RestForm("room_id") String roomId,
                                          @RestForm("filename") String fileName, @RestForm("waveform") String waveform,
                                          @Context HttpServerRequest request) {
        var requester = auth.require(request);
        if (file == null) {
            throw DomainException.missingParam("Missing form part 'file'");
        }
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            String name = Optional.ofNullable(fileName).filter(n -> !n.isBlank()).orElse(file.fileName());
            MediaUpload audio = new MediaUpload(in, OptionalLong.of(file.size()), file.contentType(),
                    Optional.ofNullable(name).filter(n -> !n.isBlank()));
            return view(voices.upload(requester, new VoiceUpload(required(roomId), audio, Waveform.parse(waveform))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("{messageId}")
    public Map<String, Object> get(@PathParam("messageId") String messageId, @Context HttpServerRequest request) {
        return view(voices.get(auth.require(request), messageId));
    }

    @DELETE
    @Path("{messageId}")
    public Map<String, Object> delete(@PathParam("messageId") String messageId, @Context HttpServerRequest request) {
        voices.delete(auth.require(request), messageId);
        return Map.of();
    }

    @GET
    @Path("user/{userId}")
    public Map<String, Object> byUser(@PathParam("userId") String userId, @QueryParam("limit") String limit,
                                      @QueryParam("from") String from, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        int pageSize = pageSize(limit);
        int offset = offset(from);
        return page(voices.byUser(requester, UserIds.parse(userId), pageSize, offset), pageSize, offset);
    }

    @GET
    @Path("room/{roomId}")
    public Map<String, Object> byRoom(@PathParam("roomId") String roomId, @QueryParam("limit") String limit,
                                      @QueryParam("from") String from, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        int pageSize = pageSize(limit);
        int offset = offset(from);
        return page(voices.byRoom(requester, roomId, pageSize, offset), pageSize, offset);
    }

    @GET
    @Path("user/{userId}/stats")
    public Map<String, Object> stats(@PathParam("userId") String userId, @Context HttpServerRequest request) {
        UserId user = UserIds.parse(userId);
        VoiceStats stats = voices.stats(auth.require(request), user);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user_id", user.toString());
        out.put("count", stats.count());
        out.put("total_duration", stats.totalDuration().toMillis());
        out.put("total_size", stats.totalBytes());
        return out;
    }

    private Map<String, Object> page(List<VoiceMessage> messages, int pageSize, int offset) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("messages", messages.stream().map(this::view).toList());
        if (messages.size() == pageSize && pageSize > 0) {
            out.put("next_batch", Integer.toString(offset + pageSize));
        }
        return out;
    }

    private Map<String, Object> view(VoiceMessage message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message_id", message.eventId());
        out.put("event_id", message.eventId());
        out.put("room_id", message.roomId());
        out.put("user_id", message.sender().toString());
        out.put("file_url", media.uri(message.mediaId()).toString());
        out.put("content_type", message.contentType());
        out.put("duration", message.duration().toMillis());
        out.put("file_size", message.size());
        out.put("created_at", message.createdAt().toEpochMilli());
        return out;
    }

    private static String required(String roomId) {
        if (roomId == null || roomId.isBlank()) {
            throw DomainException.missingParam("Missing 'room_id'");
        }
        return roomId;
    }


    private static int pageSize(String limit) {
        return Math.min(MAX_LIMIT, QueryParams.limit(limit, DEFAULT_LIMIT));
    }

    private static int offset(String from) {
        if (from == null || from.isBlank()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(from);
            if (offset < 0) {
                throw DomainException.invalidParam("from must not be negative");
            }
            return offset;
        } catch (NumberFormatException e) {
            throw DomainException.invalidParam("from must be a token returned as next_batch");
        }
    }
}
