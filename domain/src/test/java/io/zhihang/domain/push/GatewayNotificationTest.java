package io.zhihang.domain.push;

import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The push gateway request bodies, as Synapse's HttpPusher builds them. */
class GatewayNotificationTest {
    private static final Instant SET = Instant.ofEpochSecond(1_700_000_000, 999_000_000);

    private static GatewayNotification.Recipient recipient(String data) {
        return new GatewayNotification.Recipient("@alice:example.org", new Pusher("key", "http", "org.example.app",
                "App", "Phone", null, "en", Json.parseObject(data)), SET);
    }

    private static GatewayNotification.NotifiedEvent message(String type) {
        return new GatewayNotification.NotifiedEvent("$ev", "!room:example.org", type, "@bob:example.org",
                Optional.empty(), Json.parseObject("{\"body\": \"hi\", \"msgtype\": \"m.text\"}"), "Bob", "Lunch");
    }

    private static JsonArray actions(String json) {
        return (JsonArray) Json.parse(json);
    }

    @Test
    void a_full_notification_has_the_event_the_names_and_the_tweaks() {
        JsonObject body = GatewayNotification.of(recipient(
                        "{\"url\": \"https://push.example.org/_matrix/push/v1/notify\", \"extra\": 1}"),
                message("m.room.message"), actions("[\"notify\", {\"set_tweak\": \"sound\", \"value\": \"default\"}]"),
                3);

        assertThat(body).isEqualTo(Json.parseObject("""
                {"notification": {"event_id": "$ev", "room_id": "!room:example.org", "type": "m.room.message",
                  "sender": "@bob:example.org", "prio": "high", "counts": {"unread": 3},
                  "content": {"body": "hi", "msgtype": "m.text"}, "sender_display_name": "Bob", "room_name": "Lunch",
                  "devices": [{"app_id": "org.example.app", "pushkey": "key", "pushkey_ts": 1700000000,
                               "data": {"extra": 1}, "tweaks": {"sound": "default"}}]}}"""));
    }

    @Test
    void event_id_only_sends_ids_priority_and_counts_without_tweaks() {
        JsonObject body = GatewayNotification.of(recipient(
                        "{\"url\": \"https://push.example.org/_matrix/push/v1/notify\", \"format\": \"event_id_only\"}"),
                message("m.room.message"), actions("[\"notify\", {\"set_tweak\": \"highlight\"}]"), 0);

        assertThat(body).isEqualTo(Json.parseObject("""
                {"notification": {"event_id": "$ev", "room_id": "!room:example.org", "prio": "high",
                  "counts": {"unread": 0},
                  "devices": [{"app_id": "org.example.app", "pushkey": "key", "pushkey_ts": 1700000000,
                               "data": {"format": "event_id_only"}}]}}"""));
    }

    @Test
    void priority_is_high_for_sound_highlight_or_encrypted_events_only() {
        String data = "{\"url\": \"https://push.example.org/_matrix/push/v1/notify\", \"format\": \"event_id_only\"}";
        assertThat(prio(data, "m.room.message", "[\"notify\"]")).isEqualTo("low");
        assertThat(prio(data, "m.room.message", "[\"notify\", {\"set_tweak\": \"highlight\", \"value\": false}]"))
                .isEqualTo("low");
        assertThat(prio(data, "m.room.message", "[\"notify\", {\"set_tweak\": \"highlight\"}]")).isEqualTo("high");
        assertThat(prio(data, "m.room.encrypted", "[\"notify\"]")).isEqualTo("high");
    }

    @Test
    void a_membership_event_says_whether_the_recipient_is_its_target() {
        GatewayNotification.NotifiedEvent invite = new GatewayNotification.NotifiedEvent("$ev", "!room:example.org",
                "m.room.member", "@bob:example.org", Optional.of("@alice:example.org"),
                Json.parseObject("{\"membership\": \"invite\"}"), "Bob", null);
        JsonObject n = GatewayNotification.of(recipient(
                        "{\"url\": \"https://push.example.org/_matrix/push/v1/notify\"}"), invite,
                actions("[\"notify\"]"), 1).object("notification").orElseThrow();

        assertThat(n.string("membership")).contains("invite");
        assertThat(n.bool("user_is_target")).contains(true);
        assertThat(n.has("room_name")).isFalse();
    }

    private static String prio(String data, String type, String actions) {
        return GatewayNotification.of(recipient(data), message(type), actions(actions), 0)
                .object("notification").orElseThrow().string("prio").orElseThrow();
    }
}
