package io.zhihang.adapter.rest.client.v3.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.zhihang.application.port.in.auth.UiaAuth;

/** The {@code auth} object of User-Interactive Authentication. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AuthDict(String type, String session, Identifier identifier, String user, String password,
                       String token) {

    public static UiaAuth toUia(AuthDict auth) {
        if (auth == null) {
            return null;
        }
        String who = auth.identifier() != null && auth.identifier().user() != null ? auth.identifier().user() : auth.user();
        return new UiaAuth(auth.type(), auth.session(), who, auth.password(), auth.token());
    }
}
