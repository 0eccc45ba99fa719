package io.zhihang.domain.search;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The keys the spec lets a search run over, each belonging to one event type: {@code content.body} of
 * {@code m.room.message}, {@code content.name} of {@code m.room.name} and {@code content.topic} (with the plain-text
 * {@code m.topic} representation) of {@code m.room.topic}. A message is searched in its latest version: an edit
 * ({@code m.replace}) is never searchable itself; its {@code m.new_content} replaces the text of the message it edits
 * ({@link #replacement}).
 */
public enum SearchField {
    BODY("content.body", "m.room.message"),
    NAME("content.name", "m.room.name"),
    TOPIC("content.topic", "m.room.topic");

    private static final String REPLACE = "m.replace";

    private final String key;
    private final String eventType;

    SearchField(String key, String eventType) {
        this.key = key;
        this.eventType = eventType;
    }

    public String key() {
        return key;
    }

    public String eventType() {
        return eventType;
    }

    public static Optional<SearchField> ofKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    /** The field an event is searched by, and its text; empty for events that are not searchable. */
    public static Optional<Searchable> of(Pdu event) {
        for (SearchField field : values()) {
            if (field.eventType.equals(event.type())) {
                return field.text(event).map(text -> new Searchable(field, SearchText.indexed(text)))
                        .filter(s -> !s.indexedText().isEmpty());
            }
        }
        return Optional.empty();
    }

    /**
     * The new text an edit gives the message it replaces: the edit's {@code m.new_content.body} in indexed form (empty
     * text when it has none), with the message's id and the new content. Empty for an event that is not an edit of a
     * message.
     */
    public static Optional<Replacement> replacement(Pdu event) {
        if (!BODY.eventType.equals(event.type()) || event.isState()) {
            return Optional.empty();
        }
        return editTarget(event).map(target -> {
            JsonObject newContent = event.content().object("m.new_content").orElse(JsonObject.EMPTY);
            String text = SearchText.indexed(newContent.string("body").orElse(""));
            return new Replacement(target, newContent, new Searchable(BODY, text));
        });
    }

    /** The id of the message an {@code m.replace} edits; empty for any other event. */
    private static Optional<String> editTarget(Pdu event) {
        JsonObject relation = event.content().object("m.relates_to").orElse(JsonObject.EMPTY);
        return REPLACE.equals(relation.string("rel_type").orElse(null)) ? relation.string("event_id")
                : Optional.empty();
    }

    private Optional<String> text(Pdu event) {
        JsonObject content = event.content();
        return switch (this) {
            case BODY -> event.isState() || editTarget(event).isPresent() ? Optional.empty() : content.string("body");
            case NAME -> isRoomWide(event) ? content.string("name") : Optional.empty();
            case TOPIC -> isRoomWide(event) ? topic(content) : Optional.empty();
        };
    }

    private static boolean isRoomWide(Pdu event) {
        return event.stateKey().filter(String::isEmpty).isPresent();
    }

    /** {@code topic}, and the plain-text bodies of {@code m.topic} that say something else. */
    private static Optional<String> topic(JsonObject content) {
        List<String> parts = new ArrayList<>();
        content.string("topic").ifPresent(parts::add);
        JsonArray texts = content.object("m.topic").flatMap(t -> t.array("m.text")).orElse(null);
        if (texts != null) {
            for (JsonValue item : texts.items()) {
                if (item instanceof JsonObject text
                        && text.string("mimetype").orElse("text/plain").equals("text/plain")) {
                    text.string("body").filter(body -> !parts.contains(body)).ifPresent(parts::add);
                }
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", parts));
    }

    /** An event's searchable field and its text in the indexed form ({@link SearchText#indexed}). */
    public record Searchable(SearchField field, String indexedText) {
    }

    /** An edit's new version of the message {@code eventId}: its content and its searchable text. */
    public record Replacement(String eventId, JsonObject newContent, Searchable searchable) {
    }
}
