package io.zhihang.application.service.devicelist;

import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;

/**
 * A user renamed one of their devices. Fire it synchronously inside the transaction that renamed it: like Synapse's
 * {@code update_device}, which calls {@code notify_device_update}, the user's own devices and everyone sharing a room
 * with the user then see the user in {@code device_lists.changed} (the display name is part of the device list others
 * download through {@code /keys/query}).
 */
public record DeviceRenamed(UserId user, DeviceId device) {
}
