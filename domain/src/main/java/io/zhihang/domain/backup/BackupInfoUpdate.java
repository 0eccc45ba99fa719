package io.zhihang.domain.backup;

import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;

import java.util.Objects;
import java.util.Optional;

/**
 * The body of {@code PUT /room_keys/version/{version}}, as Synapse's {@code update_version} reads it: the
 * {@code algorithm}, which must be the version's own, and new {@code auth_data}, which may be left out (the stored one
 * then stays).
 */
public record BackupInfoUpdate(String algorithm, Optional<JsonObject> authData) {
    public BackupInfoUpdate {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(authData, "authData");
    }

    /** Replacing the information by {@code info} (its algorithm and its auth_data). */
    public static BackupInfoUpdate replacing(BackupInfo info) {
        return new BackupInfoUpdate(info.algorithm(), Optional.of(info.authData()));
    }

    /**
     * Reads the body for the backup {@code version} of the path, in Synapse's order: a {@code version} member other
     * than the path's is {@code 400 M_INVALID_PARAM} ("Version in body does not match"), whatever else the body
     * holds; then {@code algorithm} is required ({@code M_MISSING_PARAM}) and must be a string ({@code M_BAD_JSON});
     * {@code auth_data}, if present, must be an object ({@code M_BAD_JSON}). Other members are ignored.
     */
    public static BackupInfoUpdate fromRequest(JsonObject body, String version) {
        if (body.get("version").isPresent() && !body.string("version").orElse("").equals(version)) {
            throw DomainException.invalidParam("Version in body does not match");
        }
        JsonValue algorithm = body.get("algorithm")
                .orElseThrow(() -> DomainException.missingParam("Missing algorithm"));
        if (!(algorithm instanceof JsonString name)) {
            throw DomainException.badJson("algorithm must be a string");
        }
        Optional<JsonValue> authData = body.get("auth_data");
        if (authData.isPresent() && !(authData.get() instanceof JsonObject)) {
            throw DomainException.badJson("auth_data must be an object");
        }
        return new BackupInfoUpdate(name.value(), authData.map(JsonObject.class::cast));
    }
}
