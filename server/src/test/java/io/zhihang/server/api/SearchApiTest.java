package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.zhihang.server.api.Matrix.R0;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Rooms.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code POST /search}: room events the caller may see, matched by prefix, ordered by rank or recency, paged with
 * {@code next_batch}. Every test searches for a word only it uses (the database is shared by the test classes).
 */
@QuarkusTest
class SearchApiTest {
    private static final String SEARCH = V3 + "/search";

    /** A word nobody else sends: letters and digits, so it stays one word. */
    private static String word() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static JsonPath search(Matrix.Session user, Map<String, Object> criteria) {
        return search(user, criteria, null);
    }

    private static JsonPath search(Matrix.Session user, Map<String, Object> criteria, String nextBatch) {
        var request = as(user).body(Map.of("search_categories", Map.of("room_events", criteria)));
        if (nextBatch != null) {
            request = request.queryParam("next_batch", nextBatch);
        }
        return request.post(SEARCH).then().log().ifValidationFails().statusCode(200)
                .extract().jsonPath().setRootPath("search_categories.room_events");
    }

    private static List<String> ids(JsonPath found) {
        return found.getList("results.result.event_id", String.class);
    }

    private static Map<String, Object> term(String term, Object... more) {
        Map<String, Object> criteria = new HashMap<>(Map.of("search_term", term));
        for (int i = 0; i < more.length; i += 2) {
            criteria.put((String) more[i], more[i + 1]);
        }
        return criteria;
    }

    @Test
    void messages_are_found_by_their_words_and_others_are_not() {
        Matrix.Session alice = Matrix.registerFresh("srch");
        String w = word();
        String roomId = Rooms.create(alice, Map.of());
        String pie = Rooms.send(alice, roomId, "Apple pie " + w);
        String tart = Rooms.send(alice, roomId, "Pear tart " + w.toUpperCase());
        Rooms.send(alice, roomId, "unrelated words");

        JsonPath found = search(alice, term(w));
        assertThat(ids(found)).containsExactlyInAnyOrder(pie, tart);
        assertThat(found.getInt("count")).isEqualTo(2);
        assertThat(found.getList("highlights", String.class)).contains(w);
        assertThat(found.getString("results[0].result.room_id")).isEqualTo(roomId);
        assertThat(found.getString("results[0].result.content.body")).containsIgnoringCase(w);
        assertThat(found.getDouble("results[0].rank")).isPositive();

        assertThat(ids(search(alice, term(w.substring(0, 6) + " pie")))).containsExactly(pie);
        assertThat(ids(search(alice, term(w + " -pie")))).containsExactly(tart);
        assertThat(ids(search(alice, term("\"tart " + w + "\"")))).containsExactly(tart);
        assertThat(ids(search(alice, term(w.substring(1))))).as("not the middle of a word").isEmpty();
        assertThat(ids(search(alice, term(w + " cheesecake")))).isEmpty();
        assertThat(search(alice, term(word())).getInt("count")).isZero();
    }

    @Test
    void rooms_the_caller_is_not_in_stay_hidden() {
        Matrix.Session alice = Matrix.registerFresh("srchl");
        Matrix.Session eve = Matrix.registerFresh("srche");
        String w = word();
        String secret = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.send(alice, secret, "the vault code " + w);

        assertThat(ids(search(eve, term(w)))).isEmpty();
        assertThat(ids(search(eve, term(w, "filter", Map.of("rooms", List.of(secret)))))).isEmpty();
        assertThat(search(eve, term(w)).getInt("count")).isZero();
    }

    @Test
    void joined_only_history_from_before_the_join_is_not_found() {
        Matrix.Session alice = Matrix.registerFresh("srchh");
        Matrix.Session bob = Matrix.registerFresh("srchhb");
        String w = word();
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.putState(alice, roomId, "m.room.history_visibility", Map.of("history_visibility", "joined"));
        String before = Rooms.send(alice, roomId, "before bob " + w);
        Rooms.join(bob, roomId);
        String after = Rooms.send(alice, roomId, "after bob " + w);
        as(bob).body(Map.of()).post(path(roomId) + "/leave").then().statusCode(200);
        Rooms.send(alice, roomId, "after bob left " + w);

        assertThat(ids(search(bob, term(w)))).containsExactly(after);
        assertThat(search(bob, term(w)).getInt("count")).as("hidden matches are not counted").isEqualTo(1);
        assertThat(ids(search(alice, term(w, "order_by", "recent")))).hasSize(3).endsWith(before);
    }

    @Test
    void redacted_messages_and_encrypted_rooms_are_not_found() {
        Matrix.Session alice = Matrix.registerFresh("srchr");
        String w = word();
        String roomId = Rooms.create(alice, Map.of());
        String oops = Rooms.send(alice, roomId, "my password " + w);
        Rooms.redact(alice, roomId, oops);
        assertThat(ids(search(alice, term(w)))).isEmpty();

        String encrypted = Rooms.create(alice, Map.of("initial_state", List.of(Map.of("type", "m.room.encryption",
                "state_key", "", "content", Map.of("algorithm", "m.megolm.v1.aes-sha2")))));
        Rooms.send(alice, encrypted, "sent in the clear " + w);
        assertThat(ids(search(alice, term(w)))).isEmpty();
    }

    @Test
    void rank_orders_denser_matches_first_and_recent_the_newest_first() {
        Matrix.Session alice = Matrix.registerFresh("srcho");
        String w = word();
        String roomId = Rooms.create(alice, Map.of());
        String once = Rooms.send(alice, roomId, "just once: " + w + " among many other words in this message");
        String thrice = Rooms.send(alice, roomId, w + " " + w + " " + w);
        String twice = Rooms.send(alice, roomId, w + " and " + w);

        JsonPath byRank = search(alice, term(w));
        assertThat(ids(byRank)).containsExactly(thrice, twice, once);
        assertThat(byRank.getDouble("results[0].rank")).isGreaterThan(byRank.getDouble("results[2].rank"));
        assertThat(ids(search(alice, term(w, "order_by", "recent")))).containsExactly(twice, thrice, once);
    }

    @Test
    void next_batch_pages_through_every_result_once_in_either_order() {
        Matrix.Session alice = Matrix.registerFresh("srchp");
        String w = word();
        String roomId = Rooms.create(alice, Map.of());
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(Rooms.send(alice, roomId, "page " + i + " " + w));
        }
        for (String order : List.of("rank", "recent")) {
            List<String> seen = new ArrayList<>();
            String next = null;
            int pages = 0;
            do {
                JsonPath page = search(alice, term(w, "order_by", order, "filter", Map.of("limit", 2)), next);
                assertThat(page.getList("results")).hasSizeLessThanOrEqualTo(2);
                seen.addAll(ids(page));
                next = page.getString("next_batch");
                pages++;
            } while (next != null && pages < 10);
            assertThat(seen).as(order).containsExactlyInAnyOrderElementsOf(sent).doesNotHaveDuplicates();
            assertThat(pages).isEqualTo(3);
        }
        assertThat(ids(search(alice, term(w, "order_by", "recent", "filter", Map.of("limit", 2)))))
                .containsExactly(sent.get(4), sent.get(3));
    }

    @Test
    void context_brings_neighbours_tokens_and_profiles_and_groups_split_the_results() {
        Matrix.Session alice = Matrix.registerFresh("srchc");
        String w = word();
        as(alice).body(Map.of("displayname", "Alice Searcher"))
                .put(V3 + "/profile/" + alice.userId() + "/displayname").then().statusCode(200);
        String roomId = Rooms.create(alice, Map.of());
        String first = Rooms.send(alice, roomId, "first");
        String match = Rooms.send(alice, roomId, "the match " + w);
        String last = Rooms.send(alice, roomId, "last");
        String other = Rooms.create(alice, Map.of());
        Rooms.send(alice, other, "elsewhere " + w);

        JsonPath found = search(alice, term(w, "order_by", "recent",
                "event_context", Map.of("before_limit", 1, "after_limit", 1, "include_profile", true),
                "include_state", true, "groupings", Map.of("group_by", List.of(Map.of("key", "room_id"),
                        Map.of("key", "sender")))));

        assertThat(found.getString("results[1].result.event_id")).isEqualTo(match);
        assertThat(found.getList("results[1].context.events_before.event_id", String.class)).containsExactly(first);
        assertThat(found.getList("results[1].context.events_after.event_id", String.class)).containsExactly(last);
        assertThat(found.getString("results[1].context.profile_info.'" + alice.userId() + "'.displayname"))
                .isEqualTo("Alice Searcher");
        String start = found.getString("results[1].context.start");
        assertThat(as(alice).get(path(roomId) + "/messages?dir=b&limit=1&from=" + start).then().statusCode(200)
                .extract().jsonPath().getList("chunk.event_id", String.class)).doesNotContain(match, first);
        assertThat(found.getMap("state")).containsOnlyKeys(other, roomId);
        assertThat(found.getList("state.'" + roomId + "'.type", String.class)).contains("m.room.create");
        assertThat(found.getList("groups.room_id.'" + roomId + "'.results", String.class)).containsExactly(match);
        assertThat(found.getInt("groups.room_id.'" + other + "'.order")).isEqualTo(1);
        assertThat(found.getList("groups.sender.'" + alice.userId() + "'.results", String.class)).hasSize(2);
    }

    @Test
    void chinese_words_are_found_inside_sentences() {
        Matrix.Session alice = Matrix.registerFresh("srchzh");
        String w = word();
        String roomId = Rooms.create(alice, Map.of());
        String moved = Rooms.send(alice, roomId, "会议" + w + "改到明天下午");
        Rooms.send(alice, roomId, "明天见 " + w);

        assertThat(ids(search(alice, term("改到明天 " + w)))).containsExactly(moved);
        assertThat(ids(search(alice, term("明天 " + w)))).hasSize(2);
    }

    @Test
    void room_names_and_topics_are_found_by_their_keys_and_the_r0_path_works() {
        Matrix.Session alice = Matrix.registerFresh("srchk");
        String w = word();
        String roomId = Rooms.create(alice, Map.of("name", "Club " + w, "topic", "About " + w));
        String message = Rooms.send(alice, roomId, "hello " + w);

        assertThat(ids(search(alice, term(w)))).hasSize(3).contains(message);
        JsonPath names = search(alice, term(w, "keys", List.of("content.name")));
        assertThat(names.getList("results.result.type", String.class)).containsExactly("m.room.name");
        JsonPath topics = search(alice, term(w, "filter", Map.of("types", List.of("m.room.topic"))));
        assertThat(topics.getList("results.result.type", String.class)).containsExactly("m.room.topic");
        as(alice).body(Map.of("search_categories", Map.of("room_events", term(w)))).post(R0 + "/search")
                .then().statusCode(200).body("search_categories.room_events.count", equalTo(3));
    }

    @Test
    void malformed_searches_are_refused() {
        Matrix.Session alice = Matrix.registerFresh("srchx");
        as(alice).body(Map.of()).post(SEARCH).then().statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body(Map.of("search_categories", Map.of("rooms", Map.of()))).post(SEARCH)
                .then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of("search_categories", Map.of("room_events", Map.of()))).post(SEARCH)
                .then().statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body(Map.of("search_categories", Map.of("room_events", term("x", "order_by", "oldest"))))
                .post(SEARCH).then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of("search_categories", Map.of("room_events", term("x", "keys", List.of("content.url")))))
                .post(SEARCH).then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of("search_categories", Map.of("room_events", term("x", "groupings",
                        Map.of("group_by", List.of(Map.of("key", "type")))))))
                .post(SEARCH).then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of("search_categories", Map.of("room_events", term("x", "filter", Map.of("limit", "ten")))))
                .post(SEARCH).then().statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        as(alice).queryParam("next_batch", "not-a-token")
                .body(Map.of("search_categories", Map.of("room_events", term("x"))))
                .post(SEARCH).then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body("not json").post(SEARCH).then().statusCode(400).body("errcode", equalTo("M_NOT_JSON"));
        Matrix.json().body(Map.of("search_categories", Map.of("room_events", term("x")))).post(SEARCH)
                .then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
    }

    @Test
    void an_edited_message_is_found_once_by_its_latest_text_as_the_original_with_the_edit_bundled() {
        Matrix.Session alice = Matrix.registerFresh("srched");
        Matrix.Session bob = Matrix.registerFresh("srchedb");
        String before = word();
        String after = word();
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        String original = Rooms.send(alice, roomId, "meet at the " + before);
        String edit = Rooms.edit(alice, roomId, original, "meet at the " + after);

        JsonPath found = search(bob, term(after));
        assertThat(ids(found)).as("the original, never the edit").containsExactly(original);
        assertThat(found.getInt("count")).isEqualTo(1);
        assertThat(found.getString("results[0].result.unsigned.'m.relations'.'m.replace'.event_id")).isEqualTo(edit);
        assertThat(found.getString("results[0].result.unsigned.'m.relations'.'m.replace'.content.'m.new_content'.body"))
                .isEqualTo("meet at the " + after);
        assertThat(found.getList("highlights", String.class)).contains(after);
        assertThat(ids(search(bob, term(after, "order_by", "recent")))).containsExactly(original);
        assertThat(search(bob, term(before)).getInt("count")).as("the replaced text is gone").isZero();

        // Someone else's "edit" changes nothing (the spec's validity rule: only the sender's edits apply).
        as(bob).body(Map.of("msgtype", "m.text", "body", "* hijack " + before,
                        "m.new_content", Map.of("msgtype", "m.text", "body", "hijack " + before),
                        "m.relates_to", Map.of("rel_type", "m.replace", "event_id", original)))
                .put(path(roomId) + "/send/m.room.message/hijack-" + before).then();
        assertThat(search(bob, term(before)).getInt("count")).isZero();
        assertThat(ids(search(bob, term(after)))).containsExactly(original);

        // Redacting the edit brings the earlier text back; redacting the message takes it out.
        Rooms.redact(alice, roomId, edit);
        assertThat(ids(search(bob, term(before)))).containsExactly(original);
        assertThat(search(bob, term(after)).getInt("count")).isZero();
        Rooms.redact(alice, roomId, original);
        assertThat(search(bob, term(before)).getInt("count")).isZero();
    }
}
