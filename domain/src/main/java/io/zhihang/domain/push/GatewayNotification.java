package io.zhihang.domain.push;

import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonBool;
import io.zhihang.domain.protocol.json.JsonDecimal;
import io.zhihang.domain.protocol.json.JsonNull;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;

import java.time.Instant;
import java.util.Optional;

/**
 * The body of the Push Gateway API's {@code POST /_matrix/push/v1/notify}, built as Synapse's {@code HttpPusher}
 * builds it. A pusher with {@code data.format} {@code event_id_only} gets the event id, room id, priority and counts
 * only, and no tweaks; otherwise the notification also has the event's type, sender, content, the sender's display
 * name and the room's name, and for a membership event the membership and whether the recipient is its target.
 * {@code devices} holds the one pusher, its {@code data} without {@code url}. The priority is {@code high} when the
 * notification may make a sound (a {@code sound} or {@code highlight} tweak, or an encrypted event whose effect is
 * unknown), else {@code low}.
 */
public final class GatewayNotification {
    public static final String EVENT_ID_ONLY = "event_id_only";
    private static final String ENCRYPTED = "m.room.encrypted";
    private static final String MEMBER = "m.room.member";

    private GatewayNotification() {
    }

    /**
     * The notified event as the gateway sees it: {@code senderDisplayName} and {@code roomName} are null when
     * unknown (they are left out, as when empty).
     */
    public record NotifiedEvent(String eventId, String roomId, String type, String sender, Optional<String> stateKey,
                                JsonObject content, String senderDisplayName, String roomName) {
    }

    /** The registered pusher being notified: {@code pushkeyTs} is when it was set. */
    public record Recipient(String userId, Pusher pusher, Instant pushkeyTs) {
    }

    /** The request body for one notification of {@code event} to {@code recipient}, with the user's badge count. */
    public static JsonObject of(Recipient recipient, NotifiedEvent event, JsonArray actions, long unread) {
        JsonObject tweaks = tweaks(actions);
        JsonObject.Builder n = JsonObject.builder()
                .put("event_id", event.eventId())
                .put("room_id", event.roomId());
        if (EVENT_ID_ONLY.equals(recipient.pusher().data().string("format").orElse(null))) {
            n.put("prio", priority(event.type(), tweaks));
            n.put("counts", JsonObject.builder().put("unread", unread).build());
            n.put("devices", devices(recipient, JsonObject.EMPTY));
            return JsonObject.builder().put("notification", n.build()).build();
        }
        n.put("type", event.type())
                .put("sender", event.sender())
                .put("prio", priority(event.type(), tweaks))
                .put("counts", JsonObject.builder().put("unread", unread).build());
        if (MEMBER.equals(event.type()) && event.stateKey().isPresent()) {
            event.content().get("membership").ifPresent(membership -> n.put("membership", membership));
            n.put("user_is_target", event.stateKey().get().equals(recipient.userId()));
        }
        if (event.content().size() > 0) {
            n.put("content", event.content());
        }
        if (event.senderDisplayName() != null && !event.senderDisplayName().isEmpty()) {
            n.put("sender_display_name", event.senderDisplayName());
        }
        if (event.roomName() != null && !event.roomName().isEmpty()) {
            n.put("room_name", event.roomName());
        }
        n.put("devices", devices(recipient, tweaks));
        return JsonObject.builder().put("notification", n.build()).build();
    }

    /**
     * A badge-only notification (Synapse's {@code _send_badge}): the new unread count after the user read something,
     * so that the app's badge goes down without a message arriving.
     */
    public static JsonObject badge(Recipient recipient, long unread) {
        return JsonObject.builder().put("notification", JsonObject.builder()
                .put("id", "")
                .put("type", JsonNull.INSTANCE)
                .put("sender", "")
                .put("counts", JsonObject.builder().put("unread", unread).build())
                .put("devices", devices(recipient, JsonObject.EMPTY))
                .build()).build();
    }

    /**
     * The {@code set_tweak} actions as a map (an absent value is {@code true}, as the spec reads it for
     * {@code highlight}); other actions are not tweaks.
     */
    public static JsonObject tweaks(JsonArray actions) {
        JsonObject.Builder tweaks = JsonObject.builder();
        for (JsonValue action : actions.items()) {
            if (action instanceof JsonObject o && o.string("set_tweak").isPresent()) {
                tweaks.put(o.string("set_tweak").get(), o.get("value").orElse(JsonBool.TRUE));
            }
        }
        return tweaks.build();
    }

    /** Whether the actions include {@code notify} (a row without it is not pushed). */
    public static boolean notifies(JsonArray actions) {
        return actions.items().stream().anyMatch(a -> a instanceof JsonString s && s.value().equals("notify"));
    }

    private static String priority(String type, JsonObject tweaks) {
        boolean high = ENCRYPTED.equals(type) || truthy(tweaks.get("highlight")) || truthy(tweaks.get("sound"));
        return high ? "high" : "low";
    }

    /** Python's truthiness, which Synapse's priority check relies on. */
    private static boolean truthy(Optional<JsonValue> value) {
        if (value.isEmpty()) {
            return false;
        }
        return switch (value.get()) {
            case JsonBool b -> b.value();
            case JsonNull ignored -> false;
            case JsonString s -> !s.value().isEmpty();
            case JsonNumber n -> n.value() != 0;
            case JsonDecimal d -> d.value().signum() != 0;
            case JsonObject o -> o.size() > 0;
            case JsonArray a -> a.size() > 0;
        };
    }

    private static JsonArray devices(Recipient recipient, JsonObject tweaks) {
        Pusher pusher = recipient.pusher();
        JsonObject.Builder device = JsonObject.builder()
                .put("app_id", pusher.appId())
                .put("pushkey", pusher.pushkey())
                .put("pushkey_ts", recipient.pushkeyTs().getEpochSecond())
                .put("data", pusher.data().without("url"));
        if (tweaks.size() > 0) {
            device.put("tweaks", tweaks);
        }
        return JsonArray.of(device.build());
    }
}
