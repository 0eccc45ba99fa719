package io.zhihang.domain.push;

import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A dot-separated path to a property of an event (spec appendix "Dot-separated property paths"): {@code .} separates
 * the keys, {@code \.} is a literal dot and {@code \\} a literal backslash; any other backslash is kept as it is.
 * So {@code content.m\.mentions.user_ids} names {@code event["content"]["m.mentions"]["user_ids"]}.
 */
public record PropertyPath(String key, List<String> parts) {
    public PropertyPath {
        parts = List.copyOf(parts);
    }

    public static PropertyPath parse(String key) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '\\' && i + 1 < key.length() && (key.charAt(i + 1) == '.' || key.charAt(i + 1) == '\\')) {
                part.append(key.charAt(++i));
            } else if (c == '.') {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return new PropertyPath(key, parts);
    }

    /** The value at this path in {@code event}, empty if some step is absent or not an object. */
    public Optional<JsonValue> lookup(JsonObject event) {
        JsonValue current = event;
        for (String part : parts) {
            if (!(current instanceof JsonObject object)) {
                return Optional.empty();
            }
            current = object.members().get(part);
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    /** Whether this is the path of the message body, which {@code event_match} matches by words. */
    public boolean isBody() {
        return parts.size() == 2 && parts.get(0).equals("content") && parts.get(1).equals("body");
    }
}
