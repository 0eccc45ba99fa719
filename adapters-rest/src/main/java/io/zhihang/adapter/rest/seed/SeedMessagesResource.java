package io.zhihang.adapter.rest.seed;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.Fields;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.lifecycle.MessageTarget;
import io.zhihang.application.port.in.lifecycle.OutgoingMessage;
import io.zhihang.application.port.in.lifecycle.ScheduledMessage;
import io.zhihang.application.port.in.lifecycle.SeedMessagesUseCase;
import io.zhihang.application.port.in.lifecycle.SeedSchedulesUseCase;
import io.zhihang.application.port.in.lifecycle.SeedSearch;
import io.zhihang.application.port.in.lifecycle.SeedSearchQuery;
import io.zhihang.domain.lifecycle.MessageType;
import io.zhihang.domain.protocol.json.JsonObject;
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
import java.util.Map;

/**
 * The seed's message API ({@code /api/messages/...}, docs/api.md): the same Matrix events and rules as the client
 * API, with the seed's numeric ids (Matrix ids accepted too) and its {@code {"message", "data"}} answers.
 */
@Path("/api/messages")
@Produces(MediaType.APPLICATION_JSON)
public class SeedMessagesResource {
    private static final int DEFAULT_PAGE_SIZE = 20;
    private static final int MAX_PAGE_SIZE = 100;

    private final Authenticator auth;
    private final JsonBodies json;
    private final SeedMessagesUseCase messages;
    private final SeedSearchQuery search;
    private final SeedSchedulesUseCase schedules;

    public SeedMessagesResource(Authenticator auth, JsonBodies json, SeedMessagesUseCase messages,
                                SeedSearchQuery search, SeedSchedulesUseCase schedules) {
        this.auth = auth;
        this.json = json;
        this.messages = messages;
        this.search = search;
        this.schedules = schedules;
    }

    @POST
    @Path("send")
    public Map<String, Object> send(byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        JsonObject in = json.readObject(body);
        var sent = messages.send(requester, new MessageTarget(SeedFields.id(in, "chat_id"),
                SeedFields.id(in, "user_id")), outgoing(in));
        return SeedMessageJson.answer("Message sent", SeedMessageJson.of(sent));
    }

    @POST
    @Path("reply")
    public Map<String, Object> reply(byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        JsonObject in = json.readObject(body);
        var sent = messages.reply(requester, SeedFields.id(in, "reply_to_id"),
                new MessageTarget(SeedFields.id(in, "chat_id"), SeedFields.id(in, "user_id")), outgoing(in));
        return SeedMessageJson.answer("Reply sent", SeedMessageJson.of(sent));
    }

    @POST
    @Path("forward")
    public Map<String, Object> forward(byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        JsonObject in = json.readObject(body);
        var sent = messages.forward(requester, SeedFields.id(in, "message_id"),
                new MessageTarget(SeedFields.id(in, "target_chat_id"), SeedFields.id(in, "target_user_id")),
                Fields.string(in, "comment"));
        return SeedMessageJson.answer("Message forwarded", sent.stream().map(SeedMessageJson::of).toList());
    }

    @POST
    @Path("recall")
    public Map<String, Object> recall(byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        JsonObject in = json.readObject(body);
        messages.recall(requester, SeedFields.id(in, "message_id"), Fields.string(in, "reason"));
        return SeedMessageJson.answer("Message recalled", null);
    }

    @POST
    @Path("edit")
    public Map<String, Object> edit(byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        JsonObject in = json.readObject(body);
        var edited = messages.edit(requester, SeedFields.id(in, "message_id"), Fields.string(in, "content"),
                Fields.string(in, "reason"));
        return SeedMessageJson.answer("Message edited", SeedMessageJson.of(edited));
    }

    @GET
    @Path("{messageId}/edit-history")
    public Map<String, Object> editHistory(@PathParam("messageId") String messageId,
                                           @Context HttpServerRequest request) {
        var requester = auth.require(request);
        var message = messages.get(requester, messageId);
        var history = messages.editHistory(requester, messageId);
        java.util.List<Map<String, Object>> data = new java.util.ArrayList<>();
        int n = 0;
        for (var edit : history.edits()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", ++n);
            entry.put("message_id", message.id());
            entry.put("edit_event_id", edit.editEventId());
            entry.put("old_content", body(edit.oldContent()));
            entry.put("new_content", body(edit.newContent()));
            entry.put("edit_time", edit.editedAt().toString());
            entry.put("edit_reason", edit.reason());
            data.add(entry);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", data);
        out.put("count", history.count());
        return out;
    }

    private static String body(JsonObject content) {
        return content == null ? null : content.string("body").orElse(null);
    }

    @POST
    @Path("schedule")
    public Map<String, Object> schedule(byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        JsonObject in = json.readObject(body);
        String at = Fields.string(in, "scheduled_time");
        if (at == null || at.isBlank()) {
            throw DomainException.missingParam("scheduled_time is required");
        }
        var scheduled = schedules.schedule(requester, new MessageTarget(SeedFields.id(in, "target_chat_id"),
                        SeedFields.id(in, "target_user_id")), outgoing(in), SeedDates.from(at, "scheduled_time"),
                Fields.bool(in, "is_silent"));
        return SeedMessageJson.answer("Message scheduled", scheduled(scheduled));
    }

    @DELETE
    @Path("{messageId}/schedule")
    public Map<String, Object> cancelSchedule(@PathParam("messageId") String id, @Context HttpServerRequest request) {
        schedules.cancel(auth.require(request), id);
        return SeedMessageJson.answer("Scheduled message cancelled", null);
    }

    @GET
    @Path("scheduled")
    public Map<String, Object> scheduled(@Context HttpServerRequest request) {
        return Map.of("data", schedules.list(auth.require(request)).stream().map(SeedMessagesResource::scheduled)
                .toList());
    }

    private static Map<String, Object> scheduled(ScheduledMessage m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id());
        out.put("chat_id", m.chatId());
        out.put("room_id", m.roomId());
        out.put("message_type", m.type().seedName());
        out.put("content", m.content());
        out.put("scheduled_time", m.scheduledTime().toString());
        out.put("status", m.status());
        out.put("is_executed", m.executed());
        out.put("is_cancelled", m.cancelled());
        out.put("event_id", m.eventId().orElse(null));
        return out;
    }

    @GET
    @Path("search")
    public Map<String, Object> search(@QueryParam("query") String query, @QueryParam("chat_id") String chatId,
                                      @QueryParam("user_id") String userId,
                                      @QueryParam("message_type") String messageType,
                                      @QueryParam("date_from") String dateFrom, @QueryParam("date_to") String dateTo,
                                      @QueryParam("page") String page, @QueryParam("page_size") String pageSize,
                                      @Context HttpServerRequest request) {
        var requester = auth.require(request);
        var found = search.search(requester, new SeedSearch(query, chatId, userId,
                messageType == null || messageType.isBlank() ? null : MessageType.parse(messageType),
                SeedDates.from(dateFrom, "date_from"), SeedDates.until(dateTo, "date_to"),
                positive(page, "page", 1, Integer.MAX_VALUE), positive(pageSize, "page_size", DEFAULT_PAGE_SIZE,
                MAX_PAGE_SIZE)));
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("page", found.page());
        pagination.put("page_size", found.pageSize());
        pagination.put("total", found.total());
        pagination.put("pages", found.pages());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", found.messages().stream().map(SeedMessageJson::of).toList());
        out.put("pagination", pagination);
        return out;
    }

    @GET
    @Path("{messageId}")
    public Map<String, Object> get(@PathParam("messageId") String messageId, @Context HttpServerRequest request) {
        return SeedMessageJson.answer("OK", SeedMessageJson.of(messages.get(auth.require(request), messageId)));
    }

    /** A positive integer parameter; {@code max} caps it (the seed's page_size maximum of 100). */
    private static int positive(String raw, String name, int defaultValue, int max) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value < 1) {
                throw DomainException.invalidParam(name + " must be at least 1");
            }
            return Math.min(value, max);
        } catch (NumberFormatException e) {
            throw DomainException.invalidParam(name + " must be an integer");
        }
    }

    private static OutgoingMessage outgoing(JsonObject in) {
        JsonObject info = in.members().containsKey("info")
                ? in.object("info").orElseThrow(() -> DomainException.badJson("'info' must be an object")) : null;
        return new OutgoingMessage(MessageType.parse(Fields.string(in, "message_type")), Fields.string(in, "content"),
                Fields.string(in, "url"), info, Fields.string(in, "txn_id"));
    }
}
