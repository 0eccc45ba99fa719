package io.zhihang.adapter.rest.client.v3.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A login identifier ({@code m.id.user} is the one supported). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Identifier(String type, String user, String medium, String address) {
}
