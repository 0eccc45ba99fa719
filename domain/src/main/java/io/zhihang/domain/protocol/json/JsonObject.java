package io.zhihang.domain.protocol.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A JSON object. Members keep the order they were given in (canonical JSON sorts them when serialising).
 * The typed getters return empty when the member is absent or of another type; callers decide whether that is an error.
 */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {
    public static final JsonObject EMPTY = new JsonObject(Map.of());

    public JsonObject {
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    public static Builder builder() {
        return new Builder(new LinkedHashMap<>());
    }

    /** A builder starting from this object's members, for "copy with changes". */
    public Builder toBuilder() {
        return new Builder(new LinkedHashMap<>(members));
    }

    public JsonObject with(String key, JsonValue value) {
        return toBuilder().put(key, value).build();
    }

    public JsonObject without(String key) {
        return toBuilder().remove(key).build();
    }

    public boolean has(String key) {
        return members.containsKey(key);
    }

    public Optional<JsonValue> get(String key) {
        return Optional.ofNullable(members.get(key));
    }

    public Optional<String> string(String key) {
        return members.get(key) instanceof JsonString s ? Optional.of(s.value()) : Optional.empty();
    }

    public Optional<Long> number(String key) {
        return members.get(key) instanceof JsonNumber n ? Optional.of(n.value()) : Optional.empty();
    }

    public Optional<Boolean> bool(String key) {
        return members.get(key) instanceof JsonBool b ? Optional.of(b.value()) : Optional.empty();
    }

    public Optional<JsonObject> object(String key) {
        return members.get(key) instanceof JsonObject o ? Optional.of(o) : Optional.empty();
    }

    public Optional<JsonArray> array(String key) {
        return members.get(key) instanceof JsonArray a ? Optional.of(a) : Optional.empty();
    }

    public int size() {
        return members.size();
    }

    public static final class Builder {
        private final LinkedHashMap<String, JsonValue> members;

        private Builder(LinkedHashMap<String, JsonValue> members) {
            this.members = members;
        }

        public Builder put(String key, JsonValue value) {
            members.put(key, value);
            return this;
        }

        public Builder put(String key, String value) {
            return put(key, new JsonString(value));
        }

        public Builder put(String key, long value) {
            return put(key, new JsonNumber(value));
        }

        public Builder put(String key, boolean value) {
            return put(key, JsonBool.of(value));
        }

        public Builder remove(String key) {
            members.remove(key);
            return this;
        }

        public Builder apply(Consumer<Builder> change) {
            change.accept(this);
            return this;
        }

        public JsonObject build() {
            return new JsonObject(members);
        }
    }
}
