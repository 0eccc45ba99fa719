package io.zhihang.domain.backup;

import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;

/**
 * What a client says about a backup: the {@code algorithm} that encrypts its keys and the algorithm's
 * {@code auth_data} (for {@code m.megolm_backup.v1.curve25519-aes-sha2}, the public key and its signatures). The
 * server does not interpret either; like Synapse it accepts any algorithm name.
 */
public record BackupInfo(String algorithm, JsonObject authData) {
    /** Algorithm names are stored in a column of this many characters. */
    public static final int MAX_ALGORITHM_LENGTH = 255;

    public BackupInfo {
        if (algorithm == null || algorithm.isEmpty()) {
            throw DomainException.invalidParam("algorithm must not be empty");
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
     * The body of {@code PUT /room_keys/version/{version}}, for the backup {@code version} of the path: as a new
     * backup's, and a {@code version} member, if present, must be that version ({@code 400 M_INVALID_PARAM}, as
     * Synapse).
     */
    public static BackupInfo fromUpdate(JsonObject body, String version) {
        BackupInfo info = fromRequest(body);
        if (body.get("version").isPresent() && !body.string("version").orElse("").equals(version)) {
            throw DomainException.invalidParam("Version in body does not match");
        }
        return info;
    }

    /**
     * This (stored) backup's information after {@code update}: only {@code auth_data} may change; another
     * algorithm is {@code 400 M_INVALID_PARAM}.
     */
    public BackupInfo updatedBy(BackupInfo update) {
        if (!algorithm.equals(update.algorithm)) {
            throw DomainException.invalidParam("Algorithm does not match");
        }
        return new BackupInfo(algorithm, update.authData);
    }
}
