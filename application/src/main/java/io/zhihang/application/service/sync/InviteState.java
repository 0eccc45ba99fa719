package io.zhihang.application.service.sync;

import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.application.service.room.RoomAccess;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.room.StateKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an invited (or knocking) user sees of a room they cannot read yet, as Synapse sends it: the stripped state
 * ({@code type}, {@code state_key}, {@code content}, {@code sender}) of the spec's recommended events (create, join
 * rules, name, avatar, canonical alias, encryption, topic) and of the inviter's member event (so a client can name a
 * direct chat after the inviter), then the invite (or knock) event itself in full, with its {@code event_id} and
 * {@code origin_server_ts} (clients date the invite by it).
 */
final class InviteState {
    private static final String MEMBER = "m.room.member";
    private static final List<StateKey> SHOWN = List.of(StateKey.CREATE, StateKey.JOIN_RULES,
            new StateKey("m.room.name", ""), new StateKey("m.room.avatar", ""),
            new StateKey("m.room.canonical_alias", ""), new StateKey("m.room.encryption", ""),
            new StateKey("m.room.topic", ""));

    private InviteState() {
    }

    static List<JsonObject> stripped(RoomAccess access, RoomTimelineReader timelines, String roomId,
                                     StoredEvent member) {
        Map<StateKey, String> current = access.currentState(roomId);
        List<String> ids = new ArrayList<>(SHOWN.stream().map(current::get).filter(java.util.Objects::nonNull).toList());
        String sender = member.pdu().sender();
        if (!sender.equals(member.pdu().stateKey().orElse(null))) {
            String inviters = current.get(new StateKey(MEMBER, sender));
            if (inviters != null) {
                ids.add(inviters);
            }
        }
        List<JsonObject> out = new ArrayList<>();
        for (JsonObject event : timelines.state(roomId, ids)) {
            out.add(strip(event.string("type").orElse(""), event.string("state_key").orElse(""),
                    event.object("content").orElse(JsonObject.EMPTY), event.string("sender").orElse(null)));
        }
        out.addAll(timelines.state(roomId, List.of(member.pdu().eventId())));
        return out;
    }

    private static JsonObject strip(String type, String stateKey, JsonObject content, String sender) {
        return JsonObject.builder().put("type", type).put("state_key", stateKey).put("content", content)
                .put("sender", sender == null ? "" : sender).build();
    }
}
