package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;
import java.util.Set;

/**
 * URL previews that may reach 127.0.0.1 (and only it of the internal addresses), where the tests' web site runs,
 * with small limits: 64 KiB, two seconds, two redirects; its clock is the test's ({@link TestClock}).
 */
public class UrlPreviewProfile implements QuarkusTestProfile {
    static final long MAX_BYTES = 64 * 1024;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "zhihang.media.url-preview.ip-range-allowlist", "127.0.0.1/32",
                "zhihang.media.url-preview.max-bytes", Long.toString(MAX_BYTES),
                "zhihang.media.url-preview.timeout", "PT2S",
                "zhihang.media.url-preview.max-redirects", "2");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestClock.class);
    }
}
