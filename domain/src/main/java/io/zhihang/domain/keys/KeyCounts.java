package io.zhihang.domain.keys;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a device has left: unclaimed one-time keys per algorithm ({@code one_time_key_counts},
 * {@code device_one_time_keys_count}) and the algorithms of its fallback keys not handed out yet
 * ({@code device_unused_fallback_key_types}). {@code signed_curve25519} is always counted, as 0 when there are none:
 * matrix-js-sdk treats a missing count as "upload again" on every sync.
 */
public record KeyCounts(Map<String, Long> oneTimeKeys, List<String> unusedFallbackKeyTypes) {
    public static final String SIGNED_CURVE25519 = "signed_curve25519";
    public static final KeyCounts NONE = new KeyCounts(Map.of(), List.of());

    public KeyCounts {
        TreeMap<String, Long> counts = new TreeMap<>(oneTimeKeys);
        counts.putIfAbsent(SIGNED_CURVE25519, 0L);
        oneTimeKeys = Collections.unmodifiableMap(counts);
        unusedFallbackKeyTypes = unusedFallbackKeyTypes.stream().sorted().toList();
    }
}
