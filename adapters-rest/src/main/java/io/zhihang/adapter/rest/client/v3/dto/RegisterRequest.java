package io.zhihang.adapter.rest.client.v3.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code POST /register} (the {@code kind} comes from the query string). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RegisterRequest(String kind, String username, String password, String deviceId, String initialDeviceDisplayName, Boolean inhibitLogin, Boolean refreshToken, AuthDict auth,
                              String guestAccessToken) {
}
