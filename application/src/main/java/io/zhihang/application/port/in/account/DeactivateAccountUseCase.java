package io.zhihang.application.port.in.account;

import io.zhihang.application.port.in.auth.UiaAuth;
import io.zhihang.domain.auth.Requester;

/**
 * Deactivation is permanent: the user id stays taken, sessions and devices are removed, the profile is cleared. With
 * {@code erase}, the user's messages are shown pruned (as if redacted) to those who were not in the room when they
 * were sent, as Synapse does; those who were keep seeing them.
 */
public interface DeactivateAccountUseCase {
    void deactivate(Requester requester, UiaAuth auth, boolean erase);
}
