package io.zhihang.application.service.devicelist;

import io.zhihang.domain.shared.UserId;

import java.util.Set;

/**
 * The signer's user-signing key signed other users' master keys. Fire it synchronously inside the transaction: the
 * signed users then appear in {@code device_lists.changed} of the signer's own devices only (as Synapse does).
 */
public record UserSignaturesChanged(UserId signer, Set<UserId> signed) {
    public UserSignaturesChanged {
        signed = Set.copyOf(signed);
    }
}
