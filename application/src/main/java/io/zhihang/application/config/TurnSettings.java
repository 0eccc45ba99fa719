package io.zhihang.application.config;

import java.time.Duration;
import java.util.List;

/**
 * Synapse's {@code turn_uris}, {@code turn_shared_secret}, {@code turn_username}/{@code turn_password},
 * and {@code turn_user_lifetime}. Without URIs, or without either a secret or a user name
 * and password, clients are told there is no TURN server ({@code {}}). Null marks what is not set.
 */
public record TurnSettings(List<String> uris, String sharedSecret, String username, String password,
                           Duration userLifetime) {
    public TurnSettings {
        uris = List.copyOf(uris);
    }

    public static TurnSettings none() {
        return new TurnSettings(List.of(), null, null, null, Duration.ofHours(1));
    }
}
