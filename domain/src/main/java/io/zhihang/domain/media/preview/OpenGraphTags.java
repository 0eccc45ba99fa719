package io.zhihang.domain.media.preview;

import java.util.LinkedHashMap;
import java.util.Map;

/** Limits on what a preview carries, as Synapse's: tags with overlong names or values are dropped. */
public final class OpenGraphTags {
    public static final int NAME_MAX_LENGTH = 50;
    public static final int VALUE_MAX_LENGTH = 1000;
    /** A page with more tags of one prefix than this is taken to have none of them (Synapse's limit). */
    public static final int MAX_PER_PREFIX = 50;

    private OpenGraphTags() {
    }

    /** {@code tags} without the ones whose name or value is too long; order kept. */
    public static Map<String, String> withoutOverlong(Map<String, String> tags) {
        Map<String, String> kept = new LinkedHashMap<>();
        tags.forEach((name, value) -> {
            if (value != null && name.length() <= NAME_MAX_LENGTH && value.length() <= VALUE_MAX_LENGTH) {
                kept.put(name, value);
            }
        });
        return kept;
    }
}
