package io.zhihang.application.port.out;

import io.zhihang.domain.shared.UserId;

/**
 * The lock of a pair of users, held to the end of the transaction: what two users do to each other (a friend request,
 * its answer, a block, opening their direct chat) is decided and written by one transaction at a time, so that two
 * crossed requests make one friendship and two opens one room. Locking a user the server does not hold locks nothing.
 */
public interface UserPairLock {
    void lock(UserId a, UserId b);
}
