package io.zhihang.application.service.room;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.domain.event.EventDraft;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.room.StateKey;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/**
 * As Synapse's {@code kick_guest_users}: once a room stops letting guests in ({@code m.room.guest_access} other than
 * {@code can_join}), each local guest joined to or invited into it leaves, by a leave event of their own
 * ({@code {"membership":"leave","kind":"guest"}}, so no power level is needed), one transaction per guest.
 */
@ApplicationScoped
public class GuestsLeaveWhenGuestAccessEnds {
    private static final System.Logger LOG = System.getLogger(GuestsLeaveWhenGuestAccessEnds.class.getName());
    private static final String MEMBER = "m.room.member";

    private final RoomStateStore state;
    private final RoomAccess access;
    private final RoomWriter writer;
    private final HomeserverSettings settings;
    private final InstantSource clock;

    public GuestsLeaveWhenGuestAccessEnds(RoomStateStore state, RoomAccess access, RoomWriter writer,
                                          HomeserverSettings settings, InstantSource clock) {
        this.state = state;
        this.access = access;
        this.writer = writer;
        this.settings = settings;
        this.clock = clock;
    }

    void onEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) GuestAccessEnded ended) {
        for (String guest : guests(ended.roomId())) {
            try {
                leave(ended.roomId(), guest);
            } catch (DomainException refused) {
                LOG.log(System.Logger.Level.DEBUG, "Guest {0} could not leave {1}: {2}", guest, ended.roomId(),
                        refused.getMessage());
            }
        }
    }

    /** The local users joined to or invited into the room whose member event says {@code kind: guest}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<String> guests(String roomId) {
        List<StateKey> keys = state.memberships(roomId).entrySet().stream()
                .filter(e -> "join".equals(e.getValue()) || "invite".equals(e.getValue()))
                .map(Map.Entry::getKey)
                .filter(user -> UserId.parse(user).isLocalTo(settings.serverName()))
                .map(StateKey::member).toList();
        if (keys.isEmpty()) {
            return List.of();
        }
        return access.stateContents(roomId, keys).entrySet().stream()
                .filter(e -> "guest".equals(e.getValue().string("kind").orElse(null)))
                .map(e -> e.getKey().stateKey()).toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void leave(String roomId, String guest) {
        JsonObject content = JsonObject.builder().put("membership", "leave").put("kind", "guest").build();
        writer.append(roomId, EventDraft.state(MEMBER, guest, guest, content), clock.instant());
    }
}
