package io.zhihang.domain.protocol;

import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of {@code vectors/redaction-rules.json}, for every room version of its range: an event carrying every
 * top-level key and every content key any version protects (plus keys no version protects) is redacted, and exactly
 * the row's keys must remain.
 */
class RedactionRulesTableTest {
    private static final JsonObject VERSIONS = SpecVectors.object(SpecVectors.load("redaction-rules.json"), "versions");
    private static final String UNPROTECTED = "not_protected";

    /** Every key any row names, so that each row is tested against the keys the others protect. */
    private static final Set<String> ALL_TOP_LEVEL = new TreeSet<>(List.of("unsigned", "redacts", UNPROTECTED));
    private static final Map<String, Set<String>> ALL_CONTENT = new TreeMap<>();

    static {
        for (JsonValue row : VERSIONS.members().values()) {
            JsonObject r = (JsonObject) row;
            strings(r.array("top_level_keys_kept").orElseThrow()).forEach(ALL_TOP_LEVEL::add);
            r.object("content_keys_kept").orElseThrow().members().forEach((type, keys) ->
                    ALL_CONTENT.computeIfAbsent(type, t -> new TreeSet<>()).addAll(strings((JsonArray) keys)));
        }
        ALL_CONTENT.computeIfAbsent("m.room.message", t -> new TreeSet<>()).add("body");
        ALL_CONTENT.values().forEach(keys -> keys.add(UNPROTECTED));
    }

    static Stream<Arguments> rows() {
        List<Arguments> out = new ArrayList<>();
        VERSIONS.members().forEach((range, row) -> versions(range).forEach(v -> out.add(Arguments.of(range, v, row))));
        return out.stream();
    }

    static Stream<Arguments> rowsByType() {
        return rows().flatMap(a -> ALL_CONTENT.keySet().stream().map(type -> Arguments.of(a.get()[0], a.get()[1], a.get()[2], type)));
    }

    @Test
    void the_table_covers_every_known_room_version_once() {
        List<String> covered = rows().map(a -> ((RoomVersion) a.get()[1]).id()).toList();

        assertThat(covered).containsExactlyInAnyOrderElementsOf(RoomVersion.known().keySet());
    }

    @ParameterizedTest(name = "row {0}, room v{1}")
    @MethodSource("rows")
    void keeps_exactly_the_rows_top_level_keys(String range, RoomVersion version, JsonObject row) {
        JsonObject redacted = Redaction.redact(event("m.room.message"), version);

        Set<String> expected = Set.copyOf(strings(row.array("top_level_keys_kept").orElseThrow()));
        assertThat(redacted.members().keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(Redaction.topLevelKeysKept(version)).isEqualTo(expected);
        for (String key : expected) {
            if (!key.equals("content")) {
                assertThat(redacted.get(key)).as(key).isEqualTo(event("m.room.message").get(key));
            }
        }
    }

    @ParameterizedTest(name = "row {0}, room v{1}, {3}")
    @MethodSource("rowsByType")
    void keeps_exactly_the_rows_content_keys(String range, RoomVersion version, JsonObject row, String type) {
        JsonObject original = event(type);
        JsonObject content = Redaction.redact(original, version).object("content").orElseThrow();
        JsonObject originalContent = original.object("content").orElseThrow();

        List<String> kept = row.object("content_keys_kept").orElseThrow().array(type).map(RedactionRulesTableTest::strings)
                .orElse(List.of());
        if (kept.equals(List.of("*"))) {
            assertThat(content).isEqualTo(originalContent);
            return;
        }
        Set<String> expectedKeys = new TreeSet<>();
        for (String key : kept) {
            int dot = key.indexOf('.');
            if (dot < 0) {
                expectedKeys.add(key);
                assertThat(content.get(key)).as(key).isEqualTo(originalContent.get(key));
            } else {
                String outer = key.substring(0, dot);
                String inner = key.substring(dot + 1);
                expectedKeys.add(outer);
                JsonObject originalOuter = originalContent.object(outer).orElseThrow();
                assertThat(originalOuter.size()).isGreaterThan(1);
                assertThat(content.object(outer)).as(key)
                        .contains(JsonObject.builder().put(inner, originalOuter.get(inner).orElseThrow()).build());
            }
        }
        assertThat(content.members().keySet()).containsExactlyInAnyOrderElementsOf(expectedKeys);
    }

    /** An event of the type with every key of {@link #ALL_TOP_LEVEL}, and content with every key of its type. */
    private static JsonObject event(String type) {
        JsonObject.Builder event = JsonObject.builder();
        for (String key : ALL_TOP_LEVEL) {
            event.put(key, JsonString.of("value of " + key));
        }
        JsonObject.Builder content = JsonObject.builder();
        for (String key : ALL_CONTENT.getOrDefault(type, Set.of(UNPROTECTED))) {
            int dot = key.indexOf('.');
            if (dot < 0) {
                content.put(key, JsonObject.builder().put("nested", key).build());
            } else {
                content.put(key.substring(0, dot), JsonObject.builder()
                        .put(key.substring(dot + 1), JsonObject.builder().put("mxid", "@x:y").put("token", "t").build())
                        .put("display_name", "an unprotected sibling").build());
            }
        }
        return event.put("type", type).put("content", content.build()).build();
    }

    private static List<RoomVersion> versions(String range) {
        String[] bounds = range.split("-");
        int from = Integer.parseInt(bounds[0]);
        int to = Integer.parseInt(bounds[bounds.length - 1]);
        return IntStream.rangeClosed(from, to).mapToObj(i -> RoomVersion.byId(String.valueOf(i)).orElseThrow()).toList();
    }

    private static List<String> strings(JsonArray array) {
        return array.items().stream().map(v -> ((JsonString) v).value()).toList();
    }
}
