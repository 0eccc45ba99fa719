package io.zhihang.application.service.room;

import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.application.service.profile.ProfileChanged;
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

/**
 * As Synapse's {@code update_join_states}: once a changed display name or avatar is committed, each room the user
 * is joined to gets a new {@code m.room.member} join event carrying it (clients take names from member events), one
 * transaction per room, so that a room that refuses (say, the user may no longer change their member event there)
 * costs only its own update. A room whose member event already shows the profile gets no event.
 */
@ApplicationScoped
public class MemberEventsFollowProfile {
    private static final System.Logger LOG = System.getLogger(MemberEventsFollowProfile.class.getName());
    private static final String MEMBER = "m.room.member";

    private final RoomStateStore state;
    private final RoomAccess access;
    private final RoomWriter writer;
    private final MemberProfiles profiles;
    private final InstantSource clock;

    public MemberEventsFollowProfile(RoomStateStore state, RoomAccess access, RoomWriter writer,
                                     MemberProfiles profiles, InstantSource clock) {
        this.state = state;
        this.access = access;
        this.writer = writer;
        this.profiles = profiles;
        this.clock = clock;
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProfileChanged change) {
        for (String roomId : joinedRooms(change.userId())) {
            try {
                refresh(roomId, change.userId());
            } catch (DomainException refused) {
                LOG.log(System.Logger.Level.DEBUG, "Profile of {0} not carried into {1}: {2}", change.userId(), roomId,
                        refused.getMessage());
            }
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<String> joinedRooms(UserId user) {
        return state.roomsWith(user.toString(), "join");
    }

    /** Writes the member event if the room's shows another name or avatar; in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void refresh(String roomId, UserId user) {
        String userId = user.toString();
        JsonObject current = access.stateContent(roomId, new StateKey(MEMBER, userId)).orElse(null);
        if (current == null || !"join".equals(current.string("membership").orElse(null))) {
            return;
        }
        JsonObject wanted = profiles.joinContent(user);
        if (wanted.equals(current)) {
            return;
        }
        writer.append(roomId, EventDraft.state(MEMBER, userId, userId, wanted), clock.instant());
    }
}
