package io.zhihang.domain.relation;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a page of events carries in {@code unsigned."m.relations"}, computed from their children. */
class BundledAggregationsTest {
    private static final String ALICE = "@alice:example.org";
    private static final String BOB = "@bob:example.org";
    private static final String CAROL = "@carol:example.org";
    private static final String MESSAGE = "m.room.message";

    private final List<RelatedEvent> children = new ArrayList<>();
    private long ordering = 100;

    private static RelationParent message(String id, String sender) {
        return new RelationParent(id, MESSAGE, sender, false, null, false);
    }

    private RelatedEvent child(String id, String parent, String relType, String sender, long ts) {
        RelatedEvent child = new RelatedEvent(id, parent, relType, MESSAGE, sender, false, ts, ++ordering, null);
        children.add(child);
        return child;
    }

    private RelatedEvent edit(String id, String parent, String sender, long ts) {
        return edit(id, parent, sender, MESSAGE, ts, true);
    }

    private RelatedEvent edit(String id, String parent, String sender, String type, long ts, boolean newContent) {
        JsonObject.Builder content = JsonObject.builder().put("body", "* fixed")
                .put("m.relates_to", JsonObject.builder().put("rel_type", RelationTypes.REPLACE)
                        .put("event_id", parent).build());
        if (newContent) {
            content.put("m.new_content", JsonObject.builder().put("body", "fixed").build());
        }
        Pdu pdu = new Pdu(id, JsonObject.builder().put("type", type).put("sender", sender).put("room_id", "!r:x")
                .put("origin_server_ts", ts).put("content", content.build()).build());
        RelatedEvent edit = new RelatedEvent(id, parent, RelationTypes.REPLACE, type, sender, false, ts, ++ordering,
                pdu);
        children.add(edit);
        return edit;
    }

    private Map<String, BundledRelations> bundle(String reader, RelationParent... parents) {
        return Aggregations.bundle(List.of(parents), children, reader);
    }

    @Test
    void the_most_recent_edit_by_the_original_sender_is_bundled() {
        edit("$e1", "$root", ALICE, 1_000);
        RelatedEvent latest = edit("$e2", "$root", ALICE, 3_000);
        edit("$e3", "$root", ALICE, 2_000);

        assertThat(bundle(BOB, message("$root", ALICE)).get("$root").replacement()).isEqualTo(latest);
    }

    @Test
    void edits_with_the_same_timestamp_are_ordered_by_event_id() {
        edit("$b", "$root", ALICE, 1_000);
        RelatedEvent largest = edit("$c", "$root", ALICE, 1_000);
        edit("$a", "$root", ALICE, 1_000);

        assertThat(bundle(ALICE, message("$root", ALICE)).get("$root").replacement()).isEqualTo(largest);
    }

    @Test
    void edits_by_someone_else_of_another_type_or_without_new_content_are_ignored() {
        edit("$bob", "$root", BOB, 5_000);
        edit("$sticker", "$root", ALICE, "m.sticker", 6_000, true);
        edit("$bare", "$root", ALICE, MESSAGE, 7_000, false);
        RelatedEvent valid = edit("$ok", "$root", ALICE, 1_000);

        assertThat(bundle(ALICE, message("$root", ALICE)).get("$root").replacement()).isEqualTo(valid);
    }

    @Test
    void an_edit_whose_content_was_not_loaded_cannot_count() {
        children.add(new RelatedEvent("$e", "$root", RelationTypes.REPLACE, MESSAGE, ALICE, false, 1, 1, null));

        assertThat(bundle(ALICE, message("$root", ALICE))).isEmpty();
    }

    @Test
    void a_redacted_original_gets_no_edit_but_keeps_its_thread_and_references() {
        edit("$e", "$root", ALICE, 1_000);
        child("$reply", "$root", RelationTypes.THREAD, BOB, 2_000);
        child("$ref", "$root", RelationTypes.REFERENCE, BOB, 3_000);
        RelationParent redacted = new RelationParent("$root", MESSAGE, ALICE, false, null, true);

        BundledRelations bundle = bundle(CAROL, redacted).get("$root");

        assertThat(bundle.replacement()).isNull();
        assertThat(bundle.thread()).isEqualTo(new ThreadSummary("$reply", 1, false));
        assertThat(bundle.references()).containsExactly("$ref");
    }

    @Test
    void state_events_edits_and_annotations_get_no_bundle() {
        child("$ref1", "$state", RelationTypes.REFERENCE, BOB, 1);
        child("$ref2", "$edit", RelationTypes.REFERENCE, BOB, 1);
        child("$ref3", "$reaction", RelationTypes.REFERENCE, BOB, 1);

        Map<String, BundledRelations> bundles = bundle(ALICE,
                new RelationParent("$state", "m.room.topic", ALICE, true, null, false),
                new RelationParent("$edit", MESSAGE, ALICE, false, RelationTypes.REPLACE, false),
                new RelationParent("$reaction", "m.reaction", ALICE, false, RelationTypes.ANNOTATION, false));

        assertThat(bundles).isEmpty();
    }

    @Test
    void a_thread_summary_counts_the_replies_and_names_the_latest() {
        child("$r1", "$root", RelationTypes.THREAD, BOB, 1_000);
        child("$r2", "$root", RelationTypes.THREAD, CAROL, 900);
        child("$other", "$elsewhere", RelationTypes.THREAD, CAROL, 900);

        ThreadSummary thread = bundle(CAROL, message("$root", ALICE)).get("$root").thread();

        assertThat(thread).isEqualTo(new ThreadSummary("$r2", 2, true));
    }

    @Test
    void the_root_sender_participates_and_a_bystander_does_not() {
        child("$r1", "$root", RelationTypes.THREAD, BOB, 1_000);

        assertThat(bundle(ALICE, message("$root", ALICE)).get("$root").thread().currentUserParticipated()).isTrue();
        assertThat(bundle(CAROL, message("$root", ALICE)).get("$root").thread().currentUserParticipated()).isFalse();
    }

    @Test
    void an_event_that_relates_to_another_gets_no_thread_summary_but_its_edits() {
        child("$nested", "$reply", RelationTypes.THREAD, BOB, 1_000);
        RelatedEvent edit = edit("$e", "$reply", ALICE, 2_000);
        RelationParent reply = new RelationParent("$reply", MESSAGE, ALICE, false, RelationTypes.THREAD, false);

        BundledRelations bundle = bundle(ALICE, reply).get("$reply");

        assertThat(bundle.thread()).isNull();
        assertThat(bundle.replacement()).isEqualTo(edit);
    }

    @Test
    void references_are_listed_in_stream_order() {
        child("$first", "$root", RelationTypes.REFERENCE, BOB, 5_000);
        child("$second", "$root", RelationTypes.REFERENCE, CAROL, 1_000);

        assertThat(bundle(ALICE, message("$root", ALICE)).get("$root").references())
                .containsExactly("$first", "$second");
    }

    @Test
    void events_without_children_get_nothing() {
        assertThat(bundle(ALICE, message("$root", ALICE), message("$other", BOB))).isEmpty();
    }

    @Test
    void the_bundle_serialises_as_the_spec_shows() {
        JsonObject editJson = JsonObject.builder().put("event_id", "$e").build();
        JsonObject latestJson = JsonObject.builder().put("event_id", "$r").build();
        BundledRelations bundle = new BundledRelations(
                new RelatedEvent("$e", "$root", RelationTypes.REPLACE, MESSAGE, ALICE, false, 1, 1, null),
                new ThreadSummary("$r", 7, true), List.of("$ref"));

        JsonObject json = bundle.toJson(editJson, latestJson);

        assertThat(json.object("m.replace")).contains(editJson);
        JsonObject thread = json.object("m.thread").orElseThrow();
        assertThat(thread.object("latest_event")).contains(latestJson);
        assertThat(thread.number("count")).contains(7L);
        assertThat(thread.bool("current_user_participated")).contains(true);
        assertThat(json.object("m.reference").flatMap(r -> r.array("chunk")).map(JsonArray::items).orElseThrow())
                .containsExactly(JsonObject.builder().put("event_id", "$ref").build());
    }

    @Test
    void the_relation_of_a_parent_is_read_from_its_content_unless_redacted() {
        Pdu reply = new Pdu("$reply", JsonObject.builder().put("type", MESSAGE).put("sender", BOB)
                .put("content", JsonObject.builder().put("m.relates_to", JsonObject.builder()
                        .put("rel_type", RelationTypes.THREAD).put("event_id", "$root").build()).build()).build());
        Pdu richReply = new Pdu("$rich", JsonObject.builder().put("type", MESSAGE).put("sender", BOB)
                .put("content", JsonObject.builder().put("m.relates_to", JsonObject.builder()
                        .put("m.in_reply_to", JsonObject.builder().put("event_id", "$x").build()).build())
                        .build()).build());

        assertThat(RelationParent.of(reply, false).relType()).isEqualTo(RelationTypes.THREAD);
        assertThat(RelationParent.of(reply, true).relType()).isNull();
        assertThat(RelationParent.of(richReply, false).relType()).isNull();
    }
}
