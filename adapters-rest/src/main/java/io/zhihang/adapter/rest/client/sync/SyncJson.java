package io.zhihang.adapter.rest.client.sync;

import io.zhihang.application.port.in.sync.SyncResult;
import io.zhihang.domain.protocol.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sync response in the spec's JSON shape. Empty sections are left out of rooms, as Synapse does. */
final class SyncJson {
    private SyncJson() {
    }

    static Map<String, Object> of(SyncResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("next_batch", r.nextBatch());
        Map<String, Object> rooms = new LinkedHashMap<>();
        rooms.put("join", map(r.join(), SyncJson::joined));
        rooms.put("invite", map(r.invite(), room -> Map.of("invite_state", events(room.inviteState()))));
        rooms.put("leave", map(r.leave(), SyncJson::left));
        rooms.put("knock", map(r.knock(), room -> Map.of("knock_state", events(room.knockState()))));
        out.put("rooms", rooms);
        out.put("account_data", events(r.accountData()));
        out.put("presence", events(r.presence()));
        out.put("to_device", events(r.toDevice()));
        out.put("device_lists", Map.of("changed", r.deviceLists().changed(), "left", r.deviceLists().left()));
        out.put("device_one_time_keys_count", r.oneTimeKeyCounts());
        out.put("device_unused_fallback_key_types", r.unusedFallbackKeyTypes());
        return out;
    }

    private static Map<String, Object> joined(SyncResult.JoinedRoom room) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("timeline", timeline(room.timeline()));
        out.put("state", events(room.state()));
        out.put("ephemeral", events(room.ephemeral()));
        out.put("account_data", events(room.accountData()));
        out.put("unread_notifications", counts(room.unread()));
        Map<String, Object> threads = new LinkedHashMap<>();
        room.threadUnread().forEach((thread, counts) -> threads.put(thread, counts(counts)));
        out.put("unread_thread_notifications", threads);
        if (room.summary() != null) {
            Map<String, Object> summary = new LinkedHashMap<>();
            if (room.summary().heroes() != null) {
                summary.put("m.heroes", room.summary().heroes());
            }
            if (room.summary().joinedMemberCount() != null) {
                summary.put("m.joined_member_count", room.summary().joinedMemberCount());
            }
            if (room.summary().invitedMemberCount() != null) {
                summary.put("m.invited_member_count", room.summary().invitedMemberCount());
            }
            out.put("summary", summary);
        } else {
            out.put("summary", Map.of());
        }
        return out;
    }

    private static Map<String, Object> left(SyncResult.LeftRoom room) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("timeline", timeline(room.timeline()));
        out.put("state", events(room.state()));
        out.put("account_data", events(room.accountData()));
        return out;
    }

    private static Map<String, Object> timeline(SyncResult.Timeline timeline) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("events", timeline.events());
        out.put("limited", timeline.limited());
        out.put("prev_batch", timeline.prevBatch());
        return out;
    }

    private static Map<String, Object> counts(SyncResult.Counts counts) {
        return Map.of("notification_count", counts.notificationCount(), "highlight_count", counts.highlightCount());
    }

    private static Map<String, Object> events(List<JsonObject> events) {
        return Map.of("events", events);
    }

    private static <T> Map<String, Object> map(Map<String, T> rooms, java.util.function.Function<T, Object> f) {
        Map<String, Object> out = new LinkedHashMap<>();
        rooms.forEach((id, room) -> out.put(id, f.apply(room)));
        return out;
    }
}
