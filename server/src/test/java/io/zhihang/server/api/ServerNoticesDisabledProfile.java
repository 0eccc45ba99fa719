package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** A server with server notices switched off ({@code zhihang.server-notices.enabled=false}). */
public class ServerNoticesDisabledProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("zhihang.server-notices.enabled", "false");
    }
}
