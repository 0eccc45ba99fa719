package io.zhihang.application.port.in.auth;

import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;

import java.time.Duration;

/** What a login hands out. {@code refreshToken} and {@code expiresIn} are null unless refresh was asked for. */
public record IssuedSession(UserId userId, DeviceId deviceId, String accessToken, String refreshToken,
                            Duration expiresIn) {
}
