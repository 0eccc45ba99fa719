package io.zhihang.adapter.rest.client.v3.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code PUT /devices/{deviceId}}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeviceUpdateRequest(String displayName) {
}
