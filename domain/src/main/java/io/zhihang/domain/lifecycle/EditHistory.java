package io.zhihang.domain.lifecycle;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.relation.RelationTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The edits of one message, oldest first, each with the content it replaced and the content it brought: the first
 * edit replaced the message's own content, every later one the previous edit's {@code m.new_content}. An edit of an
 * encrypted message carries its {@code m.new_content} inside the ciphertext, so its contents are null here.
 *
 * @param eventId the message
 * @param edits   its edits, oldest first
 */
public record EditHistory(String eventId, List<Entry> edits) {
    /** Content field an edit may carry to say why it was made (shown in the history; null if absent). */
    public static final String REASON_FIELD = "org.zhihang.edit_reason";

    /**
     * One edit.
     *
     * @param editEventId the edit event
     * @param oldContent  the content it replaced (null if unknown)
     * @param newContent  its {@code m.new_content} (null if it has none, such as an encrypted edit)
     * @param editedAt    its {@code origin_server_ts}
     * @param reason      its {@value #REASON_FIELD}, or null
     */
    public record Entry(String editEventId, JsonObject oldContent, JsonObject newContent, Instant editedAt,
                        String reason) {
    }

    public EditHistory {
        edits = List.copyOf(edits);
    }

    /** How many edits the message has. */
    public int count() {
        return edits.size();
    }

    /**
     * The history of {@code original} from {@code candidates} (its unredacted children, in the order the server
     * accepted them). Only edits that apply count: {@code m.replace} of this event, by its sender, of its type, not
     * state (the spec's "Validity of replacement events").
     */
    public static EditHistory of(Pdu original, List<Pdu> candidates) {
        List<Entry> entries = new ArrayList<>();
        JsonObject previous = original.content();
        for (Pdu edit : candidates) {
            if (!appliesTo(original, edit)) {
                continue;
            }
            JsonObject next = edit.content().object("m.new_content").orElse(null);
            entries.add(new Entry(edit.eventId(), previous, next, Instant.ofEpochMilli(edit.originServerTs()),
                    edit.content().string(REASON_FIELD).orElse(null)));
            previous = next;
        }
        return new EditHistory(original.eventId(), entries);
    }

    private static boolean appliesTo(Pdu original, Pdu edit) {
        var relation = edit.content().object("m.relates_to");
        return relation.flatMap(r -> r.string("rel_type")).filter(RelationTypes.REPLACE::equals).isPresent()
                && relation.flatMap(r -> r.string("event_id")).filter(original.eventId()::equals).isPresent()
                && edit.sender().equals(original.sender())
                && edit.type().equals(original.type())
                && !edit.isState() && !original.isState();
    }
}
