package io.zhihang.adapter.rest.admin;

import io.zhihang.application.port.out.admin.UserSummary;
import io.zhihang.domain.account.Device;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Synapse's JSON shapes for accounts and devices in the user admin API. */
final class AdminUserViews {
    private AdminUserViews() {
    }

    /** An entry of {@code GET /v2/users}: {@code creation_ts} in milliseconds, as Synapse's list gives it. */
    static Map<String, Object> listed(UserSummary u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", u.userId().toString());
        m.put("user_type", null);
        m.put("is_guest", u.guest());
        m.put("admin", u.admin());
        m.put("deactivated", u.deactivated());
        m.put("erased", u.erased());
        m.put("shadow_banned", u.shadowBanned());
        m.put("displayname", u.displayName());
        m.put("avatar_url", u.avatarUrl());
        m.put("creation_ts", millis(u.createdAt()));
        m.put("last_seen_ts", millis(u.lastSeen()));
        m.put("locked", false);
        return m;
    }

    /** {@code GET /v2/users/{userId}}: {@code creation_ts} in seconds, as Synapse's user query gives it. */
    static Map<String, Object> detailed(UserSummary u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", u.userId().toString());
        m.put("displayname", u.displayName());
        m.put("threepids", List.of());
        m.put("avatar_url", u.avatarUrl());
        m.put("is_guest", u.guest());
        m.put("admin", u.admin());
        m.put("deactivated", u.deactivated());
        m.put("erased", u.erased());
        m.put("shadow_banned", u.shadowBanned());
        m.put("creation_ts", u.createdAt() == null ? null : u.createdAt().getEpochSecond());
        m.put("last_seen_ts", millis(u.lastSeen()));
        m.put("appservice_id", null);
        m.put("consent_server_notice_sent", null);
        m.put("consent_version", null);
        m.put("consent_ts", null);
        m.put("external_ids", List.of());
        m.put("user_type", null);
        m.put("locked", false);
        m.put("suspended", false);
        return m;
    }

    static Map<String, Object> device(Device d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device_id", d.deviceId().value());
        if (d.displayName() != null) {
            m.put("display_name", d.displayName());
        }
        m.put("last_seen_ip", d.lastSeenIp());
        m.put("last_seen_user_agent", null);
        m.put("last_seen_ts", millis(d.lastSeenTs()));
        m.put("user_id", d.userId().toString());
        m.put("dehydrated", false);
        return m;
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }
}
