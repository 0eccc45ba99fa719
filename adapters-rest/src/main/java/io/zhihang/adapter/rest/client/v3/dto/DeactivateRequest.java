package io.zhihang.adapter.rest.client.v3.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code POST /account/deactivate}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeactivateRequest(AuthDict auth, Boolean erase, String idServer) {
}
