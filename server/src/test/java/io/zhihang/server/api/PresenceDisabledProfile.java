package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** A server with presence switched off ({@code zhihang.presence.enabled=false}). */
public class PresenceDisabledProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("zhihang.presence.enabled", "false");
    }
}
