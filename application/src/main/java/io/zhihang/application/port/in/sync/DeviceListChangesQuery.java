package io.zhihang.application.port.in.sync;

import io.zhihang.domain.auth.Requester;

/** {@code GET /keys/changes}: the device-list changes between two sync tokens. */
public interface DeviceListChangesQuery {
    SyncResult.DeviceLists changes(Requester requester, String from, String to);
}
