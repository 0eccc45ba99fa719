package io.zhihang.adapter.rest.client.v3.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A body carrying only User-Interactive Authentication, e.g. {@code DELETE /devices/{deviceId}}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AuthOnlyRequest(AuthDict auth) {
}
