package io.zhihang.adapter.rest.client.v3.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** {@code POST /delete_devices}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeleteDevicesRequest(List<String> devices, AuthDict auth) {
}
