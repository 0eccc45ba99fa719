package io.zhihang.adapter.rest.client.v3.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code POST /login}; {@code user} is the deprecated top-level form. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LoginRequest(String type, Identifier identifier, String user, String password, String deviceId, String initialDeviceDisplayName, Boolean refreshToken) {
}
