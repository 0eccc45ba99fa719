package io.zhihang.adapter.rest.client.v3.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Synapse's {@code POST /_synapse/admin/v1/register}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SharedSecretRegisterRequest(String nonce, String username, String displayname, String password, Boolean admin, String userType, String mac) {
}
