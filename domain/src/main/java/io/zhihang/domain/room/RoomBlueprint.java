package io.zhihang.domain.room;

import io.zhihang.domain.event.EventDraft;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The initial events of a new room, in Synapse's order: create, the creator's join, power levels, canonical alias,
 * the preset's join rules, history visibility and guest access (unless {@code initial_state} sets them), the rest of
 * {@code initial_state}, name, topic, then the invites.
 *
 * @param joinContent the creator's member content (membership join plus profile)
 */
public record RoomBlueprint(RoomVersion version, String creator, String preset, String visibility,
                            JsonObject creationContent, JsonObject powerLevelOverride, String name, String topic,
                            String alias, List<String> invitees, boolean isDirect, List<EventDraft> initialState,
                            JsonObject joinContent) {
    public static final String PRIVATE_CHAT = "private_chat";
    public static final String TRUSTED_PRIVATE_CHAT = "trusted_private_chat";
    public static final String PUBLIC_CHAT = "public_chat";

    public RoomBlueprint {
        invitees = List.copyOf(invitees);
        initialState = List.copyOf(initialState);
        if (preset != null && !List.of(PRIVATE_CHAT, TRUSTED_PRIVATE_CHAT, PUBLIC_CHAT).contains(preset)) {
            throw DomainException.invalidParam("Unknown preset: " + preset);
        }
        if (visibility != null && !visibility.equals("public") && !visibility.equals("private")) {
            throw DomainException.invalidParam("visibility must be public or private");
        }
    }

    public String effectivePreset() {
        if (preset != null) {
            return preset;
        }
        return "public".equals(visibility) ? PUBLIC_CHAT : PRIVATE_CHAT;
    }

    public List<EventDraft> initialEvents() {
        Map<StateKey, EventDraft> custom = new LinkedHashMap<>();
        for (EventDraft d : initialState) {
            custom.put(new StateKey(d.type(), d.stateKey()), d);
        }
        List<EventDraft> out = new ArrayList<>();
        out.add(EventDraft.state("m.room.create", "", creator, createContent()));
        out.add(EventDraft.state("m.room.member", creator, creator, joinContent));
        out.add(take(custom, "m.room.power_levels", powerLevels()));
        if (alias != null) {
            out.add(EventDraft.state("m.room.canonical_alias", "", creator,
                    JsonObject.builder().put("alias", alias).build()));
        }
        String effective = effectivePreset();
        out.add(take(custom, "m.room.join_rules", JsonObject.builder()
                .put("join_rule", effective.equals(PUBLIC_CHAT) ? "public" : "invite").build()));
        out.add(take(custom, "m.room.history_visibility",
                JsonObject.builder().put("history_visibility", "shared").build()));
        if (!effective.equals(PUBLIC_CHAT)) {
            out.add(take(custom, "m.room.guest_access", JsonObject.builder().put("guest_access", "can_join").build()));
        }
        out.addAll(custom.values());
        out.stream().filter(d -> d.type().equals("m.room.join_rules")).forEach(this::requireKnownJoinRule);
        if (name != null) {
            out.add(EventDraft.state("m.room.name", "", creator, JsonObject.builder().put("name", name).build()));
        }
        if (topic != null) {
            out.add(EventDraft.state("m.room.topic", "", creator, JsonObject.builder().put("topic", topic).build()));
        }
        for (String invitee : invitees) {
            JsonObject.Builder content = JsonObject.builder().put("membership", "invite");
            if (isDirect) {
                content.put("is_direct", true);
            }
            out.add(EventDraft.state("m.room.member", invitee, creator, content.build()));
        }
        return out;
    }

    /**
     * A join rule the room version lacks (knock before v7, restricted before v8, knock_restricted before v10) would
     * make a room nobody can join; Synapse accepts it, but a new room refuses it up front.
     */
    private void requireKnownJoinRule(EventDraft joinRules) {
        joinRules.content().string("join_rule").flatMap(JoinRule::parse)
                .filter(rule -> !rule.isSupportedBy(version))
                .ifPresent(rule -> {
                    throw new DomainException(ErrorKind.INVALID_ROOM_STATE, "Room version " + version.id()
                            + " does not support the join rule " + rule.wireName());
                });
    }

    private EventDraft take(Map<StateKey, EventDraft> custom, String type, JsonObject fallback) {
        EventDraft given = custom.remove(new StateKey(type, ""));
        return given != null ? given : EventDraft.state(type, "", creator, fallback);
    }

    private JsonObject createContent() {
        JsonObject.Builder content = (creationContent == null ? JsonObject.EMPTY : creationContent).toBuilder()
                .put("room_version", version.id());
        if (!version.implicitRoomCreator()) {
            content.put("creator", creator);
        }
        return content.build();
    }

    private JsonObject powerLevels() {
        JsonObject.Builder users = JsonObject.builder();
        if (!version.privilegedCreators()) {
            users.put(creator, 100);
        }
        if (effectivePreset().equals(TRUSTED_PRIVATE_CHAT)) {
            invitees.forEach(invitee -> users.put(invitee, 100));
        }
        JsonObject events = JsonObject.builder()
                .put("m.room.name", 50)
                .put("m.room.power_levels", 100)
                .put("m.room.history_visibility", 100)
                .put("m.room.canonical_alias", 50)
                .put("m.room.avatar", 50)
                .put("m.room.tombstone", version.privilegedCreators() ? 150 : 100)
                .put("m.room.server_acl", 100)
                .put("m.room.encryption", 100)
                .build();
        JsonObject.Builder content = JsonObject.builder()
                .put("users", users.build())
                .put("users_default", 0)
                .put("events", events)
                .put("events_default", 0)
                .put("state_default", 50)
                .put("ban", 50)
                .put("kick", 50)
                .put("redact", 50)
                .put("invite", effectivePreset().equals(PUBLIC_CHAT) ? 50 : 0);
        if (powerLevelOverride != null) {
            powerLevelOverride.members().forEach(content::put);
        }
        return content.build();
    }
}
