package io.zhihang.application.port.in.keys;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.keys.KeyClaim;

import java.util.List;

/** {@code POST /keys/claim}: one key of each device asked for, to start an Olm session with it. */
public interface ClaimKeysUseCase {
    ClaimedKeys claim(Requester requester, List<KeyClaim> claims);
}
