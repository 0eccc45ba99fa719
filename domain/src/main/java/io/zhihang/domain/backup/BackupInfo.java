package io.zhihang.domain.backup;

import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;

/**
 * What a client says about a backup: the {@code algorithm} that encrypts its keys and the algorithm's
 * {@code auth_data} (for {@code m.megolm_backup.v1.curve25519-aes-sha2}, the public key and its signatures). The
 * server does not interpret either; like Synapse it accepts any algorithm name (the empty one too) and does not
 * look into {@code auth_data} (no {@code public_key} is required).
 */
public record BackupInfo(String algorithm, JsonObject authData) {
    /** Algorithm names are stored in a column of this many characters. */
    public static final int MAX_ALGORITHM_LENGTH = 255;

    public BackupInfo {
        if (algorithm == null) {
            throw DomainException.missingParam("Missing algorithm");
        }
        if (algorithm.length() > MAX_ALGORITHM_LENGTH) {
            throw DomainException.invalidParam("algorithm is longer than " + MAX_ALGORITHM_LENGTH + " characters");
        }
        if (authData == null) {
            throw DomainException.missingParam("Missing auth_data");
        }
    }

    /**
     * The body of {@code POST /room_keys/version}: {@code algorithm} (a string) and {@code auth_data} (an object) are
     * required ({@code 400 M_MISSING_PARAM}; of the wrong type {@code M_BAD_JSON}); other members are ignored.
     */
    public static BackupInfo fromRequest(JsonObject body) {
        JsonValue algorithm = body.get("algorithm")
                .orElseThrow(() -> DomainException.missingParam("Missing algorithm"));
        JsonValue authData = body.get("auth_data")
                .orElseThrow(() -> DomainException.missingParam("Missing auth_data"));
        if (!(algorithm instanceof JsonString name)) {
            throw DomainException.badJson("algorithm must be a string");
        }
        if (!(authData instanceof JsonObject data)) {
            throw DomainException.badJson("auth_data must be an object");
        }
        return new BackupInfo(name.value(), data);
    }

    /**
     * This (stored) backup's information after {@code update}: only {@code auth_data} may change (an update without
     * it changes nothing); another algorithm is {@code 400 M_INVALID_PARAM}.
     */
    public BackupInfo updatedBy(BackupInfoUpdate update) {
        if (!algorithm.equals(update.algorithm())) {
            throw DomainException.invalidParam("Algorithm does not match");
        }
        return new BackupInfo(algorithm, update.authData().orElse(authData));
    }
}
