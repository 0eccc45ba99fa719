package io.zhihang.domain.auth;

import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;

/**
 * The parameters of a {@code POST /register} that its User-Interactive Authentication session remembers, so that
 * the requests after the first may send only {@code auth} (the password is remembered apart, as a hash only).
 * {@code upgradingGuest} is the user id of the guest whose {@code guest_access_token} the request brought (the
 * token itself is never remembered): that guest becomes the registered account.
 */
public record RegistrationParams(String username, String deviceId, String initialDeviceDisplayName,
                                 boolean inhibitLogin, boolean refreshToken, String upgradingGuest) {
    public static final RegistrationParams NONE = new RegistrationParams(null, null, null, false, false, null);

    public RegistrationParams(String username, String deviceId, String initialDeviceDisplayName,
                              boolean inhibitLogin, boolean refreshToken) {
        this(username, deviceId, initialDeviceDisplayName, inhibitLogin, refreshToken, null);
    }

    /** A request that brought none of these leaves the remembered ones in force. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    public String toJson() {
        JsonObject.Builder b = JsonObject.builder();
        if (username != null) {
            b.put("username", username);
        }
        if (deviceId != null) {
            b.put("device_id", deviceId);
        }
        if (initialDeviceDisplayName != null) {
            b.put("initial_device_display_name", initialDeviceDisplayName);
        }
        if (inhibitLogin) {
            b.put("inhibit_login", true);
        }
        if (refreshToken) {
            b.put("refresh_token", true);
        }
        if (upgradingGuest != null) {
            b.put("upgrading_guest", upgradingGuest);
        }
        return CanonicalJson.encode(b.build());
    }

    public static RegistrationParams fromJson(String json) {
        if (json == null) {
            return NONE;
        }
        JsonObject o = Json.parseObject(json);
        return new RegistrationParams(o.string("username").orElse(null), o.string("device_id").orElse(null),
                o.string("initial_device_display_name").orElse(null), o.bool("inhibit_login").orElse(false),
                o.bool("refresh_token").orElse(false), o.string("upgrading_guest").orElse(null));
    }
}
