package io.zhihang.application.port.in.dehydrated;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.dehydrated.InboxToken;
import io.zhihang.domain.shared.DeviceId;

/**
 * The to-device messages waiting for the caller's dehydrated device, read in pages. Reading deletes nothing (MSC3814:
 * a rehydration that breaks off can be started again, from another device too); the messages go with the device.
 */
public interface DehydratedDeviceEventsUseCase {
    /**
     * At most {@code limit} messages positioned after {@code from}, oldest first. {@code M_FORBIDDEN} unless
     * {@code device} is the caller's current dehydrated device (Synapse).
     */
    DehydratedEvents events(Requester requester, DeviceId device, InboxToken from, int limit);

    /** Messages per page unless the client asks otherwise (Synapse's default), and the most it may ask for. */
    int DEFAULT_LIMIT = 100;
    int MAX_LIMIT = 1000;
}
