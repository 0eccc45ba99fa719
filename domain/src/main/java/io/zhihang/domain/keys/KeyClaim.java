package io.zhihang.domain.keys;

import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One key asked for by {@code /keys/claim}: a key of {@code algorithm} of the user's device. A device hands out a
 * one-time key of that algorithm exactly once (the oldest upload first, as Synapse); when none is left, its fallback
 * key of that algorithm, which stays and is marked used; else nothing (the device is left out of the answer).
 */
public record KeyClaim(UserId user, DeviceId device, String algorithm) {
    /**
     * The order claims are served in. Taking keys of several devices in one fixed order means two concurrent claims
     * never wait on each other's keys in a cycle.
     */
    public static final Comparator<KeyClaim> ORDER = Comparator.comparing((KeyClaim c) -> c.user().toString())
            .thenComparing(c -> c.device().value()).thenComparing(KeyClaim::algorithm);

    public KeyClaim {
        if (algorithm == null || algorithm.isEmpty() || algorithm.indexOf(':') >= 0) {
            throw DomainException.badJson("Invalid key algorithm");
        }
    }

    /**
     * Reads {@code one_time_keys} of a claim: user id → device id → algorithm. Sorted in {@link #ORDER}.
     *
     * @throws DomainException {@code M_INVALID_PARAM} for a malformed user id, {@code M_BAD_JSON} for a wrong shape
     */
    public static List<KeyClaim> parse(JsonObject oneTimeKeys) {
        List<KeyClaim> claims = new ArrayList<>();
        for (Map.Entry<String, JsonValue> user : oneTimeKeys.members().entrySet()) {
            UserId userId = UserId.parse(user.getKey());
            if (!(user.getValue() instanceof JsonObject devices)) {
                throw DomainException.badJson("one_time_keys." + user.getKey() + " must map device ids to algorithms");
            }
            devices.members().forEach((device, algorithm) -> {
                if (!(algorithm instanceof JsonString name)) {
                    throw DomainException.badJson("one_time_keys." + user.getKey() + "." + device
                            + " must be an algorithm name");
                }
                claims.add(new KeyClaim(userId, new DeviceId(device), name.value()));
            });
        }
        claims.sort(ORDER);
        return List.copyOf(claims);
    }
}
