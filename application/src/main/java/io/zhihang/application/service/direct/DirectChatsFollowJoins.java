package io.zhihang.application.service.direct;

import io.zhihang.application.service.lifecycle.DirectRooms;
import io.zhihang.application.service.room.DirectInviteAccepted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

/**
 * The invitee's half of a direct chat: once a join of a room whose invite said {@code is_direct} commits, the room
 * goes into the joiner's {@code m.direct} under the inviter (unless it is listed there already), written through the
 * account data use case so that {@code /sync} carries it and Element lists the room as a DM for both users.
 */
@ApplicationScoped
public class DirectChatsFollowJoins {
    private static final System.Logger LOG = System.getLogger(DirectChatsFollowJoins.class.getName());

    private final DirectRooms direct;

    public DirectChatsFollowJoins(DirectRooms direct) {
        this.direct = direct;
    }

    void onAccepted(@Observes(during = TransactionPhase.AFTER_SUCCESS) DirectInviteAccepted accepted) {
        try {
            record(accepted);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "m.direct of {0} not updated for {1}: {2}",
                    accepted.joiner().userId(), accepted.roomId(), e.toString());
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void record(DirectInviteAccepted accepted) {
        direct.record(accepted.joiner(), accepted.inviter(), accepted.roomId());
    }
}
