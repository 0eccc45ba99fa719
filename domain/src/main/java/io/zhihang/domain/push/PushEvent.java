package io.zhihang.domain.push;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonValue;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An event as push rules see it: its JSON (property paths are looked up in it), its sender, and whether its content
 * has {@code m.mentions} (which switches the legacy mention rules off, spec v1.7).
 */
public record PushEvent(JsonObject json, String sender, boolean hasMentions) {
    static final PropertyPath BODY = PropertyPath.parse("content.body");
    private static final int MAX_CACHED_PATHS = 10_000;
    private static final Map<String, PropertyPath> PATHS = new ConcurrentHashMap<>();

    public static PushEvent of(Pdu pdu) {
        return new PushEvent(pdu.json(), pdu.sender(), pdu.content().has("m.mentions"));
    }

    public Optional<JsonValue> lookup(PropertyPath path) {
        return path.lookup(json);
    }

    /** The parsed path of a key, shared between evaluations. */
    static PropertyPath path(String key) {
        PropertyPath path = PATHS.get(key);
        if (path == null) {
            if (PATHS.size() >= MAX_CACHED_PATHS) {
                PATHS.clear();
            }
            path = PropertyPath.parse(key);
            PATHS.put(key, path);
        }
        return path;
    }
}
