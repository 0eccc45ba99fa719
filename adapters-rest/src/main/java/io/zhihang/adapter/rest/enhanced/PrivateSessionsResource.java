package io.zhihang.adapter.rest.enhanced;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.Fields;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.adapter.rest.json.QueryParams;
import io.zhihang.application.port.in.session.OpenSessionCommand;
import io.zhihang.application.port.in.session.PrivateSessionQueries;
import io.zhihang.application.port.in.session.PrivateSessionsUseCase;
import io.zhihang.application.port.in.session.SessionMessage;
import io.zhihang.application.port.in.session.SessionView;
import io.zhihang.domain.protocol.json.JsonNull;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.session.SessionSettings;
import io.zhihang.domain.shared.DomainException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's private sessions ({@code /_synapse/enhanced/private/...}, docs/api.md "Private sessions"): direct rooms
 * with their settings in state; a session's id is its room id, a message's id its event id.
 */
@Path("/_synapse/enhanced/private")
@Produces(MediaType.APPLICATION_JSON)
public class PrivateSessionsResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final PrivateSessionsUseCase sessions;
    private final PrivateSessionQueries queries;

    public PrivateSessionsResource(Authenticator auth, JsonBodies json, PrivateSessionsUseCase sessions,
                                   PrivateSessionQueries queries) {
        this.auth = auth;
        this.json = json;
        this.sessions = sessions;
        this.queries = queries;
    }

    @GET
    @Path("sessions")
    public Map<String, Object> list(@Context HttpServerRequest request) {
        return Map.of("sessions", queries.sessions(auth.require(request)).stream()
                .map(PrivateSessionsResource::session).toList());
    }

    @POST
    @Path("sessions")
    public Map<String, Object> create(byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        JsonObject in = json.readObject(body);
        String target = firstOf(in, "target_user_id", "participant", "user_id");
        SessionSettings settings = new SessionSettings(Fields.string(in, "name"), ttl(in),
                Fields.bool(in, "auto_delete"));
        return session(sessions.open(new OpenSessionCommand(requester, target, settings)));
    }

    @GET
    @Path("sessions/{sessionId}")
    public Map<String, Object> get(@PathParam("sessionId") String sessionId, @Context HttpServerRequest request) {
        return session(queries.session(auth.require(request), sessionId));
    }

    @DELETE
    @Path("sessions/{sessionId}")
    public Map<String, Object> delete(@PathParam("sessionId") String sessionId, @Context HttpServerRequest request) {
        sessions.delete(auth.require(request), sessionId);
        return Map.of();
    }

    @GET
    @Path("sessions/{sessionId}/messages")
    public Map<String, Object> messages(@PathParam("sessionId") String sessionId, @QueryParam("from") String from,
                                        @QueryParam("limit") String limit, @Context HttpServerRequest request) {
        var page = queries.messages(auth.require(request), sessionId, from == null || from.isEmpty() ? null : from,
                Math.min(QueryParams.limit(limit, PrivateSessionQueries.DEFAULT_LIMIT),
                        PrivateSessionQueries.MAX_LIMIT));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("messages", page.messages().stream().map(PrivateSessionsResource::message).toList());
        out.put("next_batch", page.nextBatch());
        return out;
    }

    @POST
    @Path("sessions/{sessionId}/messages")
    public Map<String, Object> send(@PathParam("sessionId") String sessionId, byte[] body,
                                    @Context HttpServerRequest request) {
        var requester = auth.require(request);
        return message(sessions.send(requester, sessionId, content(json.readObject(body))));
    }

    @DELETE
    @Path("messages/{messageId}")
    public Map<String, Object> deleteMessage(@PathParam("messageId") String messageId,
                                             @Context HttpServerRequest request) {
        sessions.deleteMessage(auth.require(request), messageId);
        return Map.of();
    }

    @POST
    @Path("messages/{messageId}/read")
    public Map<String, Object> read(@PathParam("messageId") String messageId, @Context HttpServerRequest request) {
        sessions.markRead(auth.require(request), messageId);
        return Map.of();
    }

    @GET
    @Path("unread-count")
    public Map<String, Object> unread(@Context HttpServerRequest request) {
        var unread = queries.unread(auth.require(request));
        List<Map<String, Object>> bySession = unread.bySession().entrySet().stream()
                .map(e -> Map.<String, Object>of("session_id", e.getKey(), "unread_count", e.getValue()))
                .toList();
        return Map.of("unread_count", unread.total(), "sessions", bySession);
    }

    @POST
    @Path("search")
    public Map<String, Object> search(byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        JsonObject in = json.readObject(body);
        String term = Fields.string(in, "search_term");
        if (term == null) {
            term = Fields.string(in, "query");
        }
        if (term == null || term.isBlank()) {
            throw DomainException.missingParam("search_term is required");
        }
        Integer limit = Fields.integer(in, "limit");
        var found = queries.search(requester, term, Fields.string(in, "session_id"),
                limit == null ? PrivateSessionQueries.DEFAULT_LIMIT : limit, Fields.string(in, "next_batch"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", found.count());
        out.put("results", found.results().stream().map(PrivateSessionsResource::message).toList());
        out.put("next_batch", found.nextBatch());
        return out;
    }

    /** {@code {"body": text}}, {@code {"content": text}} or {@code {"content": {msgtype, body, ...}}}. */
    private static JsonObject content(JsonObject in) {
        JsonValue content = in.members().get("content");
        if (content instanceof JsonObject object) {
            return object;
        }
        if (content instanceof JsonString text) {
            return JsonObject.builder().put("msgtype", "m.text").put("body", text.value()).build();
        }
        if (content != null) {
            throw DomainException.badJson("'content' must be a string or an object");
        }
        String body = Fields.string(in, "body");
        if (body == null) {
            throw DomainException.missingParam("body or content is required");
        }
        return JsonObject.builder().put("msgtype", "m.text").put("body", body).build();
    }

    private static Long ttl(JsonObject in) {
        JsonValue value = in.members().get("ttl_seconds");
        if (value == null || value == JsonNull.INSTANCE) {
            return null;
        }
        if (value instanceof JsonNumber n) {
            return n.value();
        }
        throw DomainException.badJson("'ttl_seconds' must be an integer or null");
    }

    private static Map<String, Object> session(SessionView view) {
        var s = view.session();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("session_id", s.id());
        out.put("room_id", s.id());
        out.put("creator", s.creator().toString());
        out.put("target", s.target().toString());
        out.put("participant", view.participant());
        out.put("name", s.settings().name());
        out.put("ttl_seconds", s.settings().ttlSeconds());
        out.put("auto_delete", s.settings().autoDelete());
        out.put("created_ts", s.createdAt().toEpochMilli());
        out.put("membership", view.membership());
        out.put("unread_count", view.unreadCount());
        return out;
    }

    private static Map<String, Object> message(SessionMessage m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message_id", m.messageId());
        out.put("session_id", m.sessionId());
        out.put("sender", m.sender());
        out.put("content", m.content());
        out.put("created_ts", m.originServerTs());
        out.put("expires_ts", m.expiresTs());
        return out;
    }

    /** The first of {@code names} the body gives: the seed's clients name the other participant differently. */
    private static String firstOf(JsonObject in, String... names) {
        for (String name : names) {
            String value = Fields.string(in, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
