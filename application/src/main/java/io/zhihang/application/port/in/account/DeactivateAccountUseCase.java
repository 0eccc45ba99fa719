package io.zhihang.application.port.in.account;

import io.zhihang.application.port.in.auth.UiaAuth;
import io.zhihang.domain.auth.Requester;

/** Deactivation is permanent: the user id stays taken, sessions and devices are removed, the profile is cleared. */
public interface DeactivateAccountUseCase {
    void deactivate(Requester requester, UiaAuth auth);
}
