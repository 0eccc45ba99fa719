package io.zhihang.application.port.in.admin.registration;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.auth.RegistrationToken;

import java.util.List;

/**
 * Synapse's registration token admin API. Reads and changes refuse non-admins first; changes are audited with the
 * caller's address {@code ip}. Unknown tokens are 404 {@code M_NOT_FOUND}.
 */
public interface RegistrationTokensUseCase {
    /** All tokens, or only the valid ({@code true}) or invalid ({@code false}) ones. */
    List<RegistrationToken> list(Requester admin, Boolean valid);

    RegistrationToken get(Requester admin, String token);

    RegistrationToken create(Requester admin, String ip, NewRegistrationToken request);

    RegistrationToken update(Requester admin, String ip, String token, RegistrationTokenChange change);

    void delete(Requester admin, String ip, String token);

    /** A token to make: the given one, or a random one of {@code length} characters. */
    record NewRegistrationToken(String token, int length, Integer usesAllowed, Long expiryTime) {
    }

    /** The attributes a PUT names (each {@code set…} false when absent; a null value lifts the limit). */
    record RegistrationTokenChange(boolean setUsesAllowed, Integer usesAllowed, boolean setExpiryTime,
                                   Long expiryTime) {
    }
}
