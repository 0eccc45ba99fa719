package io.zhihang.domain.account;

import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;

import java.time.Instant;

/** A device (a login session) of a user, as listed by {@code GET /devices}. */
public record Device(UserId userId, DeviceId deviceId, String displayName, String lastSeenIp, Instant lastSeenTs) {
    public static final int MAX_DISPLAY_NAME_LENGTH = 100;

    public Device {
        if (displayName != null && displayName.length() > MAX_DISPLAY_NAME_LENGTH) {
            throw DomainException.invalidParam("Device display name is longer than " + MAX_DISPLAY_NAME_LENGTH + " characters");
        }
    }

    public Device renamed(String newName) {
        return new Device(userId, deviceId, newName, lastSeenIp, lastSeenTs);
    }

    public Device seen(String ip, Instant now) {
        return new Device(userId, deviceId, displayName, ip, now);
    }
}
