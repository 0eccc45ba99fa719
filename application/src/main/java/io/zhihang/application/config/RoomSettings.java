package io.zhihang.application.config;

import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.shared.DomainException;

import java.util.List;

/**
 * Which room versions new rooms may use, and the default. Version 12's room-id form is not understood by every
 * client yet, so the default stays 11 unless the operator changes it.
 */
public record RoomSettings(RoomVersion defaultVersion, List<RoomVersion> available) {
    public RoomSettings {
        available = List.copyOf(available);
        if (!available.contains(defaultVersion)) {
            throw new IllegalArgumentException("The default room version must be one of the available versions");
        }
    }

    public RoomVersion versionFor(String requested) {
        if (requested == null) {
            return defaultVersion;
        }
        return available.stream().filter(v -> v.id().equals(requested)).findFirst()
                .orElseThrow(() -> new DomainException(io.zhihang.domain.shared.ErrorKind.UNSUPPORTED_ROOM_VERSION,
                        "This server does not support room version " + requested));
    }
}
