package io.zhihang.application.config;

import io.zhihang.domain.shared.UserId;

/**
 * Server notices ({@code zhihang.server-notices.*}, Synapse's {@code server_notices} section).
 *
 * @param enabled     whether {@code /_synapse/admin/v1/send_server_notice} sends (else {@code 400 M_UNKNOWN})
 * @param systemUser  the user the notices come from, made on first use without a password
 * @param displayName the system user's display name
 * @param avatarUrl   the system user's avatar ({@code mxc://…}), or null
 * @param roomName    the name of each user's server-notices room
 */
public record ServerNoticeSettings(boolean enabled, UserId systemUser, String displayName, String avatarUrl,
                                   String roomName) {
}
