package io.zhihang.application.service.devicelist;

import io.zhihang.domain.shared.UserId;

/**
 * A user's device keys or cross-signing keys (or the signatures on them) changed. Fire it synchronously inside the
 * transaction that made the change: everyone sharing a room with the user, and the user's own devices, then see the
 * user in {@code device_lists.changed}.
 */
public record DeviceKeysChanged(UserId user) {
}
