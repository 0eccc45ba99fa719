package io.zhihang.application.service.push;

import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.Redaction;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.room.AuthState;
import io.zhihang.domain.room.PowerLevels;
import io.zhihang.domain.room.StateKey;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Each room's {@link RoomPushState}, kept per room next to the state map it was read from. The write path hands in the
 * room's current state map (type, state key → event id): the same map object as last time means the same state, so
 * a message in a busy room costs a lookup; a changed map is compared entry by entry and only the member and power
 * levels events that changed are read.
 */
@ApplicationScoped
public class RoomPushContexts {
    private static final int MAX_ROOMS = 10_000;
    private static final String MEMBER = "m.room.member";

    private final EventStore events;
    private final Map<String, Known> rooms = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
            return size() > MAX_ROOMS;
        }
    };

    public RoomPushContexts(EventStore events) {
        this.events = events;
    }

    /** The push state of a room whose current state is {@code state}. */
    public RoomPushState of(String roomId, RoomVersion version, Map<StateKey, String> state) {
        Known known;
        synchronized (rooms) {
            known = rooms.get(roomId);
        }
        if (known != null && known.source() == state) {
            return known.push();
        }
        Known updated = read(version, state, known);
        synchronized (rooms) {
            rooms.put(roomId, updated);
        }
        return updated.push();
    }

    /**
     * Whether anyone besides {@code sender} may be a member: a cheap look at the state map, to leave rooms with no
     * one else (and room creation) alone.
     */
    public static boolean hasOtherMembers(Map<StateKey, String> state, String sender) {
        for (StateKey key : state.keySet()) {
            if (key.type().equals(MEMBER) && !key.stateKey().equals(sender)) {
                return true;
            }
        }
        return false;
    }

    private Known read(RoomVersion version, Map<StateKey, String> state, Known previous) {
        Map<String, Member> before = previous == null ? Map.of() : previous.members();
        Map<String, Member> members = new HashMap<>();
        List<String> toRead = new ArrayList<>();
        state.forEach((key, eventId) -> {
            if (key.type().equals(MEMBER)) {
                Member known = before.get(key.stateKey());
                if (known != null && known.eventId().equals(eventId)) {
                    members.put(key.stateKey(), known);
                } else {
                    toRead.add(eventId);
                }
            }
        });
        String createId = state.get(StateKey.CREATE);
        String powerId = state.get(StateKey.POWER_LEVELS);
        boolean levelsChanged = previous == null || !Objects.equals(previous.createId(), createId)
                || !Objects.equals(previous.powerLevelsId(), powerId);
        if (levelsChanged) {
            if (createId != null) {
                toRead.add(createId);
            }
            if (powerId != null) {
                toRead.add(powerId);
            }
        }
        Pdu create = null;
        Pdu power = null;
        for (StoredEvent stored : events.findAll(toRead)) {
            Pdu pdu = stored.isRedacted()
                    ? new Pdu(stored.pdu().eventId(), Redaction.redact(stored.pdu().json(), version)) : stored.pdu();
            if (pdu.eventId().equals(createId)) {
                create = pdu;
            } else if (pdu.eventId().equals(powerId)) {
                power = pdu;
            } else if (pdu.type().equals(MEMBER) && pdu.stateKey().isPresent()) {
                JsonObject content = pdu.content();
                members.put(pdu.stateKey().get(), new Member(pdu.eventId(),
                        content.string("membership").orElse(null), content.string("displayname").orElse(null)));
            }
        }
        PowerLevels levels = levelsChanged ? powerLevels(version, create, power) : previous.push().powerLevels();
        Map<String, String> joined = new HashMap<>();
        members.forEach((userId, member) -> {
            if ("join".equals(member.membership())) {
                joined.put(userId, member.displayName());
            }
        });
        return new Known(state, Map.copyOf(members), createId, powerId, new RoomPushState(joined, levels));
    }

    private static PowerLevels powerLevels(RoomVersion version, Pdu create, Pdu power) {
        Set<String> creators = create == null ? Set.of() : AuthState.creatorsOf(create, version);
        return power == null ? PowerLevels.defaults(version, creators)
                : PowerLevels.fromContent(power.content(), version, creators);
    }

    private record Member(String eventId, String membership, String displayName) {
    }

    private record Known(Map<StateKey, String> source, Map<String, Member> members, String createId,
                         String powerLevelsId, RoomPushState push) {
    }
}
