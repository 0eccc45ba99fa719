package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** A server with Synapse's rate limits on (and a tight rc_media_create: 3 at once), registration tokens required, a small body limit and 0 s token lifetime;
 * X-Forwarded-For is trusted so that each test can speak from its own address. */
public class StrictServerProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "zhihang.rate-limits.enabled", "true",
                "zhihang.registration.requires-token", "true",
                "zhihang.registration.tokens", "let-me-in",
                "zhihang.http.max-request-bytes", "4096",
                "zhihang.rate-limits.media-create.per-second", "0.01",
                "zhihang.rate-limits.media-create.burst-count", "3",
                "zhihang.auth.refreshable-token-lifetime", "PT0S",
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true",
                "quarkus.http.proxy.enable-forwarded-host", "true");
    }
}
