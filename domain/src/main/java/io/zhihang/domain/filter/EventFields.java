package io.zhihang.domain.filter;

import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A filter's {@code event_fields}: dot-separated paths of the members to keep ({@code content.body}); a {@code \}
 * escapes the next character, so {@code content.m\.relates_to} names the member {@code m.relates_to} and {@code \\}
 * a backslash. Paths that lead nowhere (a missing member, or a value on the way that is not an object) add nothing.
 */
final class EventFields {
    private EventFields() {
    }

    static JsonObject apply(JsonObject event, List<String> fields) {
        if (fields == null || fields.isEmpty()) {
            return event;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String field : fields) {
            copy(event, out, split(field));
        }
        return toJson(out);
    }

    /** The path's segments, unescaped: unescaped dots separate them; {@code \x} stands for {@code x}. */
    static List<String> split(String field) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                current.append(field.charAt(++i));
            } else if (c == '.') {
                segments.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        segments.add(current.toString());
        return segments;
    }

    @SuppressWarnings("unchecked")
    private static void copy(JsonObject source, Map<String, Object> out, List<String> path) {
        JsonObject parent = source;
        for (String segment : path.subList(0, path.size() - 1)) {
            if (!(parent.members().get(segment) instanceof JsonObject child)) {
                return;
            }
            parent = child;
        }
        String last = path.get(path.size() - 1);
        JsonValue value = parent.members().get(last);
        if (value == null) {
            return;
        }
        Map<String, Object> target = out;
        for (String segment : path.subList(0, path.size() - 1)) {
            Object existing = target.get(segment);
            if (existing instanceof JsonValue) {
                return;   // the whole object is kept already
            }
            target = (Map<String, Object>) target.computeIfAbsent(segment, s -> new LinkedHashMap<String, Object>());
        }
        target.put(last, value);
    }

    @SuppressWarnings("unchecked")
    private static JsonObject toJson(Map<String, Object> tree) {
        JsonObject.Builder builder = JsonObject.builder();
        tree.forEach((key, value) -> builder.put(key, value instanceof Map<?, ?> map
                ? toJson((Map<String, Object>) map) : (JsonValue) value));
        return builder.build();
    }
}
