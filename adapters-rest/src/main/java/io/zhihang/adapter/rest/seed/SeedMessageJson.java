package io.zhihang.adapter.rest.seed;

import io.zhihang.application.port.in.lifecycle.SeedMessage;

import java.util.LinkedHashMap;
import java.util.Map;

/** A message in the seed API's JSON: numeric ids first, the Matrix ids beside them. */
final class SeedMessageJson {
    private SeedMessageJson() {
    }

    static Map<String, Object> of(SeedMessage m) {
        Map<String, Object> sender = new LinkedHashMap<>();
        sender.put("id", m.senderId());
        sender.put("user_id", m.senderUserId());
        sender.put("nickname", m.senderName());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id());
        out.put("event_id", m.eventId());
        out.put("chat_id", m.chatId());
        out.put("room_id", m.roomId());
        out.put("sender", sender);
        out.put("message_type", m.type().seedName());
        out.put("content", m.content());
        out.put("status", m.status().value());
        out.put("created_at", m.createdAt().toString());
        return out;
    }

    static Map<String, Object> answer(String message, Object data) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", message);
        if (data != null) {
            out.put("data", data);
        }
        return out;
    }
}
