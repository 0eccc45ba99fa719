package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * {@link TrustedProxyProfile} with automatic blocking on: an address whose reputation score falls to 60 (four failed
 * logins within the hour) is blocked for an hour.
 */
public class AutoBlockProfile extends TrustedProxyProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("zhihang.security.trusted-proxies", "127.0.0.1/32,::1/128",
                "zhihang.security.auto-block-threshold", "60",
                "zhihang.security.auto-block-duration", "PT1H");
    }
}
