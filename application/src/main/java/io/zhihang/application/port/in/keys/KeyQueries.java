package io.zhihang.application.port.in.keys;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.keys.KeyCounts;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;

import java.util.List;
import java.util.Map;

/** Reading keys: {@code /keys/query}, and the counts sync reports to a device. */
public interface KeyQueries {
    /**
     * @param devices user id (as sent) → device ids; an empty list means every device of the user
     */
    KeyQueryResult query(Requester requester, Map<String, List<String>> devices);

    /** The device's one-time key counts and unused fallback key types (one read). */
    KeyCounts counts(UserId user, DeviceId device);
}
