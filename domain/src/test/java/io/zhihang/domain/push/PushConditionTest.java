package io.zhihang.domain.push;

import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import org.junit.jupiter.api.Test;

import static io.zhihang.domain.push.PushFixtures.bobIn;
import static io.zhihang.domain.push.PushFixtures.bobInGroup;
import static io.zhihang.domain.push.PushFixtures.event;
import static io.zhihang.domain.push.PushFixtures.state;
import static io.zhihang.domain.push.PushFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PushConditionTest {

    private static PushCondition condition(String json) {
        return PushCondition.parse(Json.parseObject(json));
    }

    private static boolean matches(String condition, PushEvent event) {
        return condition(condition).matches(event, bobInGroup());
    }

    @Test
    void event_match_globs_the_whole_value_case_insensitively() {
        PushEvent topic = state("m.room.topic", "", "{\"topic\": \"Lunch plans\"}");
        String lunch = "{\"kind\": \"event_match\", \"key\": \"content.topic\", \"pattern\": \"lunc?*\"}";

        assertThat(matches(lunch, topic)).isTrue();
        assertThat(matches(lunch, state("m.room.topic", "", "{\"topic\": \"LUNCH\"}"))).isTrue();
        assertThat(matches(lunch, state("m.room.topic", "", "{\"topic\": \" lunch\"}"))).isFalse();
        assertThat(matches(lunch, state("m.room.topic", "", "{\"topic\": \"lunc\"}"))).isFalse();
        assertThat(matches(lunch, state("m.room.topic", "", "{\"topic\": null}"))).isFalse();
        assertThat(matches("{\"kind\": \"event_match\", \"key\": \"type\", \"pattern\": \"m.room.*\"}", topic))
                .isTrue();
        assertThat(matches("{\"kind\": \"event_match\", \"key\": \"type\", \"pattern\": \"m.room\"}", topic))
                .isFalse();
    }

    @Test
    void event_match_does_not_match_absent_or_non_string_properties_even_with_a_star() {
        String anyTopic = "{\"kind\": \"event_match\", \"key\": \"content.topic\", \"pattern\": \"*\"}";

        assertThat(matches(anyTopic, text("hello"))).isFalse();
        assertThat(matches(anyTopic, state("m.room.topic", "", "{\"topic\": 5}"))).isFalse();
        assertThat(matches(anyTopic, state("m.room.topic", "", "{\"topic\": \"\"}"))).isTrue();
    }

    @Test
    void event_match_on_the_body_matches_between_word_boundaries() {
        String example = "{\"kind\": \"event_match\", \"key\": \"content.body\", \"pattern\": \"ex*ple\"}";

        assertThat(matches(example, text("An example event."))).isTrue();
        assertThat(matches(example, text("exple"))).isTrue();
        assertThat(matches(example, text("An exciting triple-whammy"))).isTrue();
        assertThat(matches(example, text("examples"))).isFalse();
        assertThat(matches(example, text("counterexample"))).isFalse();

        String cake = "{\"kind\": \"event_match\", \"key\": \"content.body\", \"pattern\": \"cake\"}";
        assertThat(matches(cake, text("I want CAKE!"))).isTrue();
        assertThat(matches(cake, text("cupcakes"))).isFalse();
        assertThat(matches(cake, text("cake_shop"))).isFalse();
    }

    @Test
    void dotted_keys_escape_dots_and_backslashes() {
        PushEvent create = state("m.room.create", "", "{\"m.federate\": true, \"a\\\\b\": {\"c\": \"x\"}}");

        assertThat(PropertyPath.parse("content.m\\.federate").parts()).containsExactly("content", "m.federate");
        assertThat(PropertyPath.parse("content.a\\\\b.c").parts()).containsExactly("content", "a\\b", "c");
        assertThat(PropertyPath.parse("content.a\\b").parts()).containsExactly("content", "a\\b");
        assertThat(matches("{\"kind\": \"event_property_is\", \"key\": \"content.m\\\\.federate\", \"value\": true}",
                create)).isTrue();
        assertThat(matches("{\"kind\": \"event_match\", \"key\": \"content.a\\\\\\\\b.c\", \"pattern\": \"X\"}",
                create)).isTrue();
        assertThat(matches("{\"kind\": \"event_property_is\", \"key\": \"content.m.federate\", \"value\": true}",
                create)).isFalse();
    }

    @Test
    void event_property_is_compares_scalars_exactly_without_casting() {
        PushEvent create = state("m.room.create", "", "{\"m.federate\": true, \"n\": 1, \"s\": \"true\", \"z\": null}");
        String key = "{\"kind\": \"event_property_is\", \"key\": \"content.%s\", \"value\": %s}";

        assertThat(matches(key.formatted("m\\\\.federate", "true"), create)).isTrue();
        assertThat(matches(key.formatted("m\\\\.federate", "\"true\""), create)).isFalse();
        assertThat(matches(key.formatted("m\\\\.federate", "1"), create)).isFalse();
        assertThat(matches(key.formatted("n", "1"), create)).isTrue();
        assertThat(matches(key.formatted("s", "\"true\""), create)).isTrue();
        assertThat(matches(key.formatted("z", "null"), create)).isTrue();
        assertThat(matches(key.formatted("absent", "null"), create)).isFalse();
    }

    @Test
    void event_property_contains_looks_for_an_exact_array_element() {
        PushEvent aliases = state("m.room.canonical_alias", "",
                "{\"alt_aliases\": [\"#somewhere:example.org\", \"#myroom:example.com\", {\"x\": 1}]}");
        String contains = "{\"kind\": \"event_property_contains\", \"key\": \"content.alt_aliases\", \"value\": %s}";

        assertThat(matches(contains.formatted("\"#myroom:example.com\""), aliases)).isTrue();
        assertThat(matches(contains.formatted("\":example.com\""), aliases)).isFalse();
        assertThat(matches("{\"kind\": \"event_property_contains\", \"key\": \"content.alias\", \"value\": \"a\"}",
                state("m.room.canonical_alias", "", "{\"alias\": \"a\"}"))).isFalse();
    }

    @Test
    void contains_display_name_finds_the_recipients_name_as_words() {
        PushCondition displayName = condition("{\"kind\": \"contains_display_name\"}");

        assertThat(displayName.matches(text("hey Bobby, lunch?"), bobIn(5, "Bobby", 0))).isTrue();
        assertThat(displayName.matches(text("BOBBY!"), bobIn(5, "Bobby", 0))).isTrue();
        assertThat(displayName.matches(text("Bobbyland"), bobIn(5, "Bobby", 0))).isFalse();
        assertThat(displayName.matches(text("hi Dr. B*b"), bobIn(5, "Dr. B*b", 0))).isTrue();
        assertThat(displayName.matches(text("hi Dr. Bob"), bobIn(5, "Dr. B*b", 0))).isFalse();
        assertThat(displayName.matches(text("anything"), bobIn(5, null, 0))).isFalse();
        assertThat(displayName.matches(text("anything"), bobIn(5, "", 0))).isFalse();
    }

    @Test
    void room_member_count_compares_with_each_operator() {
        PushEvent hello = text("hello");
        String is = "{\"kind\": \"room_member_count\", \"is\": \"%s\"}";

        assertThat(condition(is.formatted("2")).matches(hello, bobIn(2, null, 0))).isTrue();
        assertThat(condition(is.formatted("==2")).matches(hello, bobIn(3, null, 0))).isFalse();
        assertThat(condition(is.formatted("<3")).matches(hello, bobIn(2, null, 0))).isTrue();
        assertThat(condition(is.formatted("<3")).matches(hello, bobIn(3, null, 0))).isFalse();
        assertThat(condition(is.formatted(">3")).matches(hello, bobIn(4, null, 0))).isTrue();
        assertThat(condition(is.formatted("<=3")).matches(hello, bobIn(3, null, 0))).isTrue();
        assertThat(condition(is.formatted(">=3")).matches(hello, bobIn(2, null, 0))).isFalse();
        assertThat(condition(is.formatted("about 3"))).isInstanceOf(PushCondition.Unrecognised.class);
    }

    @Test
    void sender_notification_permission_needs_the_notifications_level() {
        String room = "{\"kind\": \"sender_notification_permission\", \"key\": \"room\"}";

        assertThat(condition(room).matches(text("x"), bobIn(5, null, 50))).isTrue();
        assertThat(condition(room).matches(text("x"), bobIn(5, null, 49))).isFalse();
    }

    @Test
    void unknown_conditions_never_match_and_are_kept_as_given() {
        JsonObject odd = Json.parseObject("{\"kind\": \"org.example.moon_phase\", \"phase\": \"full\"}");
        PushCondition unknown = PushCondition.parse(odd);

        assertThat(unknown.matches(text("x"), bobInGroup())).isFalse();
        assertThat(unknown.toJson()).isEqualTo(odd);
        assertThat(condition("{\"kind\": \"event_match\", \"key\": \"type\"}"))
                .isInstanceOf(PushCondition.Unrecognised.class);
        assertThatThrownBy(() -> condition("{\"key\": \"type\"}")).isInstanceOf(DomainException.class);
    }

    @Test
    void conditions_read_back_as_they_were_written() {
        String[] conditions = {
                "{\"kind\":\"event_match\",\"key\":\"content.body\",\"pattern\":\"cake\"}",
                "{\"kind\":\"event_property_is\",\"key\":\"content.m\\\\.mentions.room\",\"value\":true}",
                "{\"kind\":\"event_property_contains\",\"key\":\"content.x\",\"value\":5}",
                "{\"kind\":\"contains_display_name\"}",
                "{\"kind\":\"room_member_count\",\"is\":\">=10\"}",
                "{\"kind\":\"sender_notification_permission\",\"key\":\"room\"}"};
        for (String json : conditions) {
            assertThat(condition(json).toJson()).isEqualTo(Json.parseObject(json));
        }
        assertThat(event("m.room.message", "{}").hasMentions()).isFalse();
    }
}
