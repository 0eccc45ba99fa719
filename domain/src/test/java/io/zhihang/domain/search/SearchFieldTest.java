package io.zhihang.domain.search;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchFieldTest {
    private static Pdu event(String type, String stateKey, String content) {
        return new Pdu("$e", Json.parseObject("{\"type\":\"" + type + "\",\"sender\":\"@a:x\",\"room_id\":\"!r:x\""
                + (stateKey == null ? "" : ",\"state_key\":\"" + stateKey + "\"") + ",\"content\":" + content + "}"));
    }

    @Test
    void messages_names_and_topics_are_searchable_by_their_own_key() {
        assertThat(SearchField.of(event("m.room.message", null, "{\"msgtype\":\"m.text\",\"body\":\"Hi There\"}")))
                .contains(new SearchField.Searchable(SearchField.BODY, "hi there"));
        assertThat(SearchField.of(event("m.room.name", "", "{\"name\":\"Garden Club\"}")))
                .contains(new SearchField.Searchable(SearchField.NAME, "garden club"));
        assertThat(SearchField.of(event("m.room.topic", "", "{\"topic\":\"Roses\",\"m.topic\":{\"m.text\":["
                + "{\"mimetype\":\"text/html\",\"body\":\"<b>Roses</b> and tulips\"},{\"body\":\"Roses and tulips\"}]}}")))
                .contains(new SearchField.Searchable(SearchField.TOPIC, "roses roses and tulips"));
    }

    @Test
    void other_events_and_malformed_content_are_not() {
        assertThat(SearchField.of(event("m.room.encrypted", null, "{\"ciphertext\":\"abc\"}"))).isEmpty();
        assertThat(SearchField.of(event("m.room.message", null, "{\"body\":7}"))).isEmpty();
        assertThat(SearchField.of(event("m.room.message", null, "{\"body\":\"...\"}"))).isEmpty();
        assertThat(SearchField.of(event("m.room.message", "", "{\"body\":\"state\"}"))).isEmpty();
        assertThat(SearchField.of(event("m.room.name", "other", "{\"name\":\"x\"}"))).isEmpty();
        assertThat(SearchField.of(event("m.room.member", "@a:x", "{\"membership\":\"join\"}"))).isEmpty();
    }

    @Test
    void keys_name_the_fields() {
        assertThat(SearchField.ofKey("content.topic")).contains(SearchField.TOPIC);
        assertThat(SearchField.ofKey("content.url")).isEmpty();
    }

    @Test
    void an_edit_is_not_searchable_itself_but_gives_its_message_the_new_text() {
        var edit = event("m.room.message", null, "{\"msgtype\":\"m.text\",\"body\":\"* Lunch Later\","
                + "\"m.new_content\":{\"msgtype\":\"m.text\",\"body\":\"Lunch later\"},"
                + "\"m.relates_to\":{\"rel_type\":\"m.replace\",\"event_id\":\"$orig\"}}");
        assertThat(SearchField.of(edit)).isEmpty();
        var replacement = SearchField.replacement(edit).orElseThrow();
        assertThat(replacement.eventId()).isEqualTo("$orig");
        assertThat(replacement.searchable()).isEqualTo(new SearchField.Searchable(SearchField.BODY, "lunch later"));
        assertThat(replacement.newContent().string("msgtype")).contains("m.text");

        var reply = event("m.room.message", null, "{\"body\":\"sure\","
                + "\"m.relates_to\":{\"m.in_reply_to\":{\"event_id\":\"$orig\"}}}");
        assertThat(SearchField.of(reply)).isPresent();
        assertThat(SearchField.replacement(reply)).isEmpty();
        assertThat(SearchField.replacement(event("m.room.message", null, "{\"body\":\"plain\"}"))).isEmpty();
    }
}
