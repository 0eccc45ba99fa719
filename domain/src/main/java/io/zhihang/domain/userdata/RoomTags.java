package io.zhihang.domain.userdata;

import io.zhihang.domain.protocol.json.JsonDecimal;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;

import java.nio.charset.StandardCharsets;

/**
 * A user's tags on one room: the content of the room account data {@code m.tag}, {@code {"tags": {name: info}}},
 * where each tag's info is the object the client gave ({@code {"order": 0.5}}; {@code order} is a number, floats
 * allowed).
 */
public record RoomTags(JsonObject tags) {
    /** Tag names are at most this many UTF-8 bytes (spec, {@code m.tag}; Synapse's {@code MAX_TAG_LENGTH}). */
    public static final int MAX_TAG_BYTES = 255;
    public static final RoomTags NONE = new RoomTags(JsonObject.EMPTY);

    /** The tags in an {@code m.tag} content; a content without a {@code tags} object has none. */
    public static RoomTags of(JsonObject content) {
        return new RoomTags(content.object("tags").orElse(JsonObject.EMPTY));
    }

    /** These tags with {@code tag} set to {@code info} (replacing what it had). */
    public RoomTags with(String tag, JsonObject info) {
        checkName(tag);
        JsonValue order = info.members().get("order");
        if (order != null && !(order instanceof JsonNumber) && !(order instanceof JsonDecimal)) {
            throw DomainException.badJson("'order' must be a number");
        }
        return new RoomTags(tags.with(tag, info));
    }

    /** These tags without {@code tag} (the same tags if it was not set). */
    public RoomTags without(String tag) {
        return new RoomTags(tags.without(tag));
    }

    public boolean has(String tag) {
        return tags.has(tag);
    }

    /** The {@code m.tag} content. */
    public JsonObject content() {
        return JsonObject.builder().put("tags", tags).build();
    }

    private static void checkName(String tag) {
        if (tag == null || tag.isEmpty()) {
            throw DomainException.invalidParam("The tag must not be empty");
        }
        if (tag.getBytes(StandardCharsets.UTF_8).length > MAX_TAG_BYTES) {
            throw DomainException.invalidParam("tag parameter's length is over " + MAX_TAG_BYTES + " bytes");
        }
    }
}
