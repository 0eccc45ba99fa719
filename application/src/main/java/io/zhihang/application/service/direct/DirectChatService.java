package io.zhihang.application.service.direct;

import io.zhihang.application.port.in.direct.DirectChat;
import io.zhihang.application.port.in.direct.DirectChatDetails;
import io.zhihang.application.port.in.direct.DirectChatsUseCase;
import io.zhihang.application.port.out.room.RoomRepository;
import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.application.service.lifecycle.DirectRooms;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import io.zhihang.domain.userdata.DirectChats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Direct chats are what the requester's {@code m.direct} lists, plus the invites they hold marked {@code is_direct}
 * (listed once they join); opening one is {@link DirectRooms}'s.
 */
@ApplicationScoped
public class DirectChatService implements DirectChatsUseCase {
    private static final Set<String> PRESENT = Set.of("join", "invite");

    private final DirectRooms direct;
    private final RoomStateStore state;
    private final RoomRepository rooms;

    public DirectChatService(DirectRooms direct, RoomStateStore state, RoomRepository rooms) {
        this.direct = direct;
        this.state = state;
        this.rooms = rooms;
    }

    /** One transaction (in {@link DirectRooms#with}) under the pair's lock: the room, the join, {@code m.direct}. */
    @Override
    public String open(Requester requester, UserId other) {
        return direct.with(requester, other);
    }

    @Override
    @Transactional
    public List<DirectChat> list(Requester requester) {
        String self = requester.userId().toString();
        List<DirectChat> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Map.Entry<String, List<String>> entry : direct.direct(self).all().entrySet()) {
            for (String roomId : entry.getValue()) {
                Map<String, String> members = state.memberships(roomId);
                String mine = members.get(self);
                if (mine != null && PRESENT.contains(mine) && seen.add(roomId)) {
                    out.add(new DirectChat(roomId, entry.getKey(), mine, members.get(entry.getKey())));
                }
            }
        }
        for (String roomId : state.roomsWith(self, "invite")) {
            if (!seen.contains(roomId)) {
                direct.directInvite(roomId, self).ifPresent(invite -> out.add(new DirectChat(roomId, invite.sender(),
                        "invite", state.memberships(roomId).get(invite.sender()))));
            }
        }
        return out;
    }

    @Override
    @Transactional
    public DirectChatDetails details(Requester requester, String roomId) {
        String self = requester.userId().toString();
        Map<String, String> members = state.memberships(roomId);
        if (!PRESENT.contains(members.getOrDefault(self, ""))) {
            throw DomainException.forbidden("You are not in this room");
        }
        DirectChats mine = direct.direct(self);
        Optional<String> other = mine.partnerIn(roomId)
                .or(() -> direct.directInvite(roomId, self).map(Pdu::sender));
        if (other.isEmpty()) {
            throw DomainException.notFound("This room is not a direct chat");
        }
        return new DirectChatDetails(roomId, other.get(), members,
                rooms.find(roomId).orElseThrow(() -> DomainException.notFound("Unknown room")).createdAt());
    }
}
