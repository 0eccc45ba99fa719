package io.zhihang.domain.filter;

import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventFieldsTest {
    private static final JsonObject EVENT = Json.parseObject("""
            {"type":"m.room.message","sender":"@alice:example.org","event_id":"$e","origin_server_ts":1,
             "content":{"msgtype":"m.text","body":"hi","m.relates_to":{"rel_type":"m.thread","event_id":"$root"},
                        "a\\\\b":"backslash","info":{"w":1,"h":2}},
             "unsigned":{"age":5}}""");

    private static String keep(String... fields) {
        return CanonicalJson.encode(Filter.applyEventFields(EVENT, List.of(fields)));
    }

    @Test
    void top_level_and_nested_members_are_kept_as_the_spec_example_shows() {
        assertThat(keep("type", "content.body")).isEqualTo("{\"content\":{\"body\":\"hi\"},\"type\":\"m.room.message\"}");
        assertThat(keep("content.info.w", "unsigned")).isEqualTo("{\"content\":{\"info\":{\"w\":1}},\"unsigned\":{\"age\":5}}");
    }

    @Test
    void an_escaped_dot_is_part_of_the_name() {
        assertThat(keep("content.m\\.relates_to.rel_type"))
                .isEqualTo("{\"content\":{\"m.relates_to\":{\"rel_type\":\"m.thread\"}}}");
        assertThat(keep("content.m.relates_to")).as("unescaped, it is a path into 'm'").isEqualTo("{}");
        assertThat(keep("content.a\\\\b")).isEqualTo("{\"content\":{\"a\\\\b\":\"backslash\"}}");
    }

    @Test
    void paths_that_lead_nowhere_add_nothing() {
        assertThat(keep("nope", "content.nope", "type.length", "content.body.x")).isEqualTo("{}");
    }

    @Test
    void a_whole_object_and_a_part_of_it_give_the_whole_object() {
        String whole = CanonicalJson.encode(EVENT.object("content").orElseThrow());
        assertThat(keep("content", "content.body")).isEqualTo("{\"content\":" + whole + "}");
        assertThat(keep("content.body", "content")).isEqualTo("{\"content\":" + whole + "}");
    }

    @Test
    void no_fields_keep_the_whole_event() {
        assertThat(Filter.applyEventFields(EVENT, List.of())).isSameAs(EVENT);
        assertThat(Filter.applyEventFields(EVENT, null)).isSameAs(EVENT);
        assertThat(Filter.DEFAULT.applyEventFields(EVENT)).isSameAs(EVENT);
    }

    @Test
    void paths_split_on_unescaped_dots_only() {
        assertThat(EventFields.split("a.b\\.c.d")).containsExactly("a", "b.c", "d");
        assertThat(EventFields.split("a\\\\.b")).containsExactly("a\\", "b");
        assertThat(EventFields.split("a.")).containsExactly("a", "");
        assertThat(EventFields.split("trailing\\")).containsExactly("trailing\\");
    }
}
