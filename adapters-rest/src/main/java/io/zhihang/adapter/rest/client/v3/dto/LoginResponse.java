package io.zhihang.adapter.rest.client.v3.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.zhihang.application.port.in.auth.IssuedSession;

import java.util.Map;

/** The answer to a login or registration; refresh fields only when the client asked for a refresh token. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoginResponse(String userId, String accessToken, String deviceId, String homeServer,
                            String refreshToken, Long expiresInMs, Map<String, Object> wellKnown) {

    public static LoginResponse of(IssuedSession s, String serverName, Map<String, Object> wellKnown) {
        return new LoginResponse(s.userId().toString(), s.accessToken(), s.deviceId().value(), serverName,
                s.refreshToken(), s.expiresIn() == null ? null : s.expiresIn().toMillis(), wellKnown);
    }
}
