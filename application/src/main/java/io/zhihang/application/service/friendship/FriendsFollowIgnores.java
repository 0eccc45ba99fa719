package io.zhihang.application.service.friendship;

import io.zhihang.application.service.userdata.UsersIgnored;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

/**
 * Element's "ignore" is a block (ADR 0009): once a client's new {@code m.ignored_user_list} commits, each user it
 * adds loses the friendship and the pending requests with its owner, as a block through the friend API does. Each
 * pair in its own transaction, after the write (the block's lock order, users before the account data stream, is
 * kept); a failure leaves the ignore list in force and is logged.
 */
@ApplicationScoped
public class FriendsFollowIgnores {
    private static final System.Logger LOG = System.getLogger(FriendsFollowIgnores.class.getName());

    private final FriendBlockService blocks;

    public FriendsFollowIgnores(FriendBlockService blocks) {
        this.blocks = blocks;
    }

    void onIgnored(@Observes(during = TransactionPhase.AFTER_SUCCESS) UsersIgnored event) {
        for (String ignored : event.ignored()) {
            try {
                end(event.user(), UserId.parse(ignored));
            } catch (DomainException e) {
                LOG.log(System.Logger.Level.DEBUG, "Not a local user to unfriend: {0}", ignored);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Friendship of {0} and {1} not ended after the ignore: {2}",
                        event.user(), ignored, e.toString());
            }
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void end(UserId user, UserId ignored) {
        blocks.endFriendshipAndRequests(user, ignored);
    }
}
