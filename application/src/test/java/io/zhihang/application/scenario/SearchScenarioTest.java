package io.zhihang.application.scenario;

import io.zhihang.application.port.in.search.RoomEventSearch;
import io.zhihang.application.port.in.search.RoomEventSearch.EventContext;
import io.zhihang.application.port.in.search.RoomEventSearch.Grouping;
import io.zhihang.application.port.in.search.RoomEventSearch.Order;
import io.zhihang.application.port.in.search.RoomEventSearchResults;
import io.zhihang.application.service.search.RoomEventSearchService;
import io.zhihang.application.service.search.SearchResultsAssembler;
import io.zhihang.application.service.search.SearchableRooms;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.room.HistorySpans;
import io.zhihang.domain.search.SearchField;
import io.zhihang.domain.search.SearchFilter;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.zhihang.application.scenario.RoomTestHomeserver.refusal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server-side search: Alice, Bob and Carol talk in a few rooms, and each finds only what they could read: in rooms
 * they are in or have left, within their history visibility, never redacted or encrypted-room messages.
 */
class SearchScenarioTest {
    private final RoomTestHomeserver hs = new RoomTestHomeserver();
    private final RoomEventSearchService search = new RoomEventSearchService(hs.searchIndex, hs.events,
            new SearchableRooms(hs.state, hs.forgotten), hs.history, new SearchResultsAssembler(hs.events, hs.state, hs.clientEvents, hs.history));
    private final Requester alice = hs.register("alice");
    private final Requester bob = hs.register("bob");
    private final Requester carol = hs.register("carol");
    private final String bobId = bob.userId().toString();
    private final String roomId = hs.createRoom(alice, "private_chat");

    @Test
    void words_are_found_by_prefix_in_the_searchers_rooms_only() {
        String pie = hs.say(alice, roomId, "Apple pie for dinner");
        hs.say(alice, roomId, "Pear crumble");
        String carolsRoom = hs.createRoom(carol, "private_chat");
        hs.say(carol, carolsRoom, "apple sauce");

        RoomEventSearchResults found = search(alice, "app");

        assertThat(eventIds(found)).containsExactly(pie);
        assertThat(found.count()).isEqualTo(1);
        assertThat(found.highlights()).contains("app", "apple");
        assertThat(found.results().getFirst().event().string("room_id")).contains(roomId);
        assertThat(eventIds(search(bob, "apple"))).isEmpty();
    }

    @Test
    void room_names_and_topics_are_searched_by_their_keys() {
        String name = hs.sendEvent.sendState(alice, roomId, "m.room.name", "",
                JsonObject.builder().put("name", "Gardening club").build());
        String topic = hs.sendEvent.sendState(alice, roomId, "m.room.topic", "",
                JsonObject.builder().put("topic", "Gardening tips").build());
        String message = hs.say(alice, roomId, "gardening today?");

        assertThat(eventIds(search(alice, "gardening"))).containsExactlyInAnyOrder(name, topic, message);
        assertThat(eventIds(search(alice, "gardening", Set.of(SearchField.NAME), SearchFilter.NONE, Order.RANK,
                null))).containsExactly(name);
        assertThat(eventIds(search(alice, "gardening", Set.of(), filter("{\"types\":[\"m.room.topic\"]}"),
                Order.RANK, null))).containsExactly(topic);
    }

    @Test
    void joined_only_history_before_the_join_is_not_found() {
        setVisibility("joined");
        hs.say(alice, roomId, "secret plans");
        hs.membership.invite(alice, roomId, bobId, null);
        hs.membership.join(bob, roomId, null);
        String later = hs.say(alice, roomId, "public plans");

        assertThat(eventIds(search(bob, "plans"))).containsExactly(later);
        assertThat(search(bob, "plans").count()).as("hidden matches are not even counted").isEqualTo(1);
        assertThat(eventIds(search(alice, "plans"))).hasSize(2);
    }

    @Test
    void the_visible_stretches_agree_with_the_event_by_event_rule() {
        hs.say(alice, roomId, "shared before");
        setVisibility("invited");
        hs.say(alice, roomId, "invited-only before");
        hs.membership.invite(alice, roomId, bobId, null);
        hs.say(alice, roomId, "while invited");
        hs.membership.join(bob, roomId, null);
        setVisibility("joined");
        hs.say(alice, roomId, "while joined");
        hs.membership.leave(bob, roomId, null);
        hs.say(alice, roomId, "after leaving");
        setVisibility("world_readable");
        hs.say(alice, roomId, "world readable");
        setVisibility("shared");
        hs.membership.invite(alice, roomId, bobId, null);
        hs.membership.join(bob, roomId, null);
        hs.membership.ban(alice, roomId, bobId, null);
        hs.say(alice, roomId, "after the ban");

        for (Requester reader : List.of(alice, bob, carol)) {
            String user = reader.userId().toString();
            List<StoredEvent> messages = hs.events.all(roomId).stream()
                    .filter(e -> e.pdu().type().equals("m.room.message")).toList();
            Set<String> byEvent = hs.history.visibleIds(user, messages);
            List<HistorySpans.Span> spans = hs.history.visibleSpans(user, List.of(roomId))
                    .getOrDefault(roomId, List.of());
            for (StoredEvent message : messages) {
                assertThat(spans.stream().anyMatch(span -> span.contains(message.streamOrdering())))
                        .as(user + " / " + message.pdu().content().string("body").orElseThrow())
                        .isEqualTo(byEvent.contains(message.pdu().eventId()));
            }
        }
    }

    @Test
    void a_room_left_is_searched_up_to_the_leave_and_forgetting_it_ends_that() {
        hs.membership.invite(alice, roomId, bobId, null);
        hs.membership.join(bob, roomId, null);
        String before = hs.say(alice, roomId, "meeting at noon");
        hs.membership.leave(bob, roomId, null);
        hs.say(alice, roomId, "meeting moved");

        assertThat(eventIds(search(bob, "meeting"))).containsExactly(before);
        hs.membership.forget(bob, roomId);
        assertThat(eventIds(search(bob, "meeting"))).isEmpty();
    }

    @Test
    void redacted_messages_are_not_found() {
        String oops = hs.say(alice, roomId, "my password is hunter2");
        hs.sendEvent.redact(alice, roomId, oops, null, "r1");

        assertThat(eventIds(search(alice, "hunter2"))).isEmpty();
        assertThat(hs.searchIndex.all()).noneMatch(e -> e.eventId().equals(oops));
    }

    @Test
    void encrypted_rooms_are_not_searched() {
        hs.say(alice, roomId, "plaintext before encryption");
        hs.sendEvent.sendState(alice, roomId, "m.room.encryption", "",
                JsonObject.builder().put("algorithm", "m.megolm.v1.aes-sha2").build());

        assertThat(eventIds(search(alice, "plaintext"))).isEmpty();
    }

    @Test
    void rank_puts_denser_matches_first_and_recent_the_newest() {
        String once = hs.say(alice, roomId, "one tomato here");
        String thrice = hs.say(alice, roomId, "tomato tomato tomato");
        String twice = hs.say(alice, roomId, "tomato and tomato");

        assertThat(eventIds(search(alice, "tomato"))).containsExactly(thrice, twice, once);
        assertThat(eventIds(search(alice, "tomato", Set.of(), SearchFilter.NONE, Order.RECENT, null)))
                .containsExactly(twice, thrice, once);
    }

    @Test
    void pages_follow_next_batch_to_the_end_in_either_order() {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            sent.add(hs.say(alice, roomId, "note " + i));
        }
        for (Order order : Order.values()) {
            List<String> seen = new ArrayList<>();
            String next = null;
            do {
                RoomEventSearchResults page = search(alice, "note", Set.of(), filter("{\"limit\":3}"), order, next);
                assertThat(page.results()).hasSizeLessThanOrEqualTo(3);
                assertThat(page.count()).isEqualTo(7);
                seen.addAll(eventIds(page));
                next = page.nextBatch();
            } while (next != null);
            assertThat(seen).as(order.name()).containsExactlyInAnyOrderElementsOf(sent).doesNotHaveDuplicates();
        }
    }

    @Test
    void a_page_is_filled_past_matches_the_searcher_may_not_see() {
        setVisibility("joined");
        for (int i = 0; i < 25; i++) {
            hs.say(alice, roomId, "hidden report " + i);
        }
        hs.membership.invite(alice, roomId, bobId, null);
        hs.membership.join(bob, roomId, null);
        String seen = hs.say(alice, roomId, "visible report");

        RoomEventSearchResults page = search(bob, "report", Set.of(), filter("{\"limit\":2}"), Order.RECENT, null);

        assertThat(eventIds(page)).containsExactly(seen);
        assertThat(page.nextBatch()).isNull();
    }

    @Test
    void room_groups_and_their_tokens_stay_in_their_room() {
        String other = hs.createRoom(alice, "private_chat");
        hs.say(alice, roomId, "kiwi one");
        hs.say(alice, other, "kiwi two");
        hs.say(alice, roomId, "kiwi three");

        RoomEventSearchResults first = search(alice, "kiwi", Set.of(), filter("{\"limit\":2}"), Order.RECENT, null,
                Set.of(Grouping.ROOM_ID, Grouping.SENDER));

        assertThat(first.groups().get("room_id")).containsOnlyKeys(roomId, other);
        assertThat(first.groups().get("room_id").get(roomId).order()).isEqualTo(1);
        assertThat(first.groups().get("sender").get(alice.userId().toString()).results()).hasSize(2);
        String inRoom = first.groups().get("room_id").get(roomId).nextBatch();
        RoomEventSearchResults rest = search(alice, "kiwi", Set.of(), filter("{\"limit\":2}"), Order.RECENT, inRoom);
        assertThat(rest.results()).extracting(r -> r.event().string("room_id").orElseThrow()).containsExactly(roomId);
        assertThat(bodies(rest)).containsExactly("kiwi one");
    }

    @Test
    void context_shows_the_neighbours_and_the_senders_profiles_then() {
        hs.say(alice, roomId, "first");
        String match = hs.say(alice, roomId, "the middle one");
        hs.say(alice, roomId, "last");

        RoomEventSearchResults found = search(new RoomEventSearch(alice, "middle", Set.of(), SearchFilter.NONE,
                Order.RANK, new EventContext(1, 5, true), true, Set.of(), null));

        RoomEventSearchResults.Context context = found.results().getFirst().context();
        assertThat(found.results().getFirst().event().string("event_id")).contains(match);
        assertThat(bodiesOf(context.eventsBefore())).containsExactly("first");
        assertThat(bodiesOf(context.eventsAfter())).containsExactly("last");
        assertThat(context.start()).startsWith("s");
        assertThat(context.profileInfo()).containsOnlyKeys(alice.userId().toString());
        assertThat(found.state()).containsOnlyKeys(roomId);
    }

    @Test
    void context_leaves_out_what_the_searcher_may_not_see() {
        setVisibility("joined");
        hs.say(alice, roomId, "before bob came");
        hs.membership.invite(alice, roomId, bobId, null);
        hs.membership.join(bob, roomId, null);
        hs.say(alice, roomId, "welcome bob");
        hs.membership.leave(bob, roomId, null);
        hs.say(alice, roomId, "after bob left");

        RoomEventSearchResults found = search(new RoomEventSearch(bob, "welcome", Set.of(), SearchFilter.NONE,
                Order.RANK, new EventContext(10, 10, false), false, Set.of(), null));

        RoomEventSearchResults.Context context = found.results().getFirst().context();
        // What came before the visibility became "joined" stays shared with later members, the message after it not.
        assertThat(bodiesOf(context.eventsBefore())).isEmpty();
        assertThat(context.eventsBefore().getFirst().string("state_key")).contains(bobId);
        assertThat(bodiesOf(context.eventsAfter())).isEmpty();
        assertThat(context.eventsAfter()).extracting(e -> e.object("content").flatMap(c -> c.string("membership"))
                .orElse(null)).as("his own leave, as Synapse shows it").containsExactly("leave");
        assertThat(context.profileInfo()).isNull();
    }

    @Test
    void a_token_of_another_order_or_a_forged_one_is_refused() {
        hs.say(alice, roomId, "x1 alpha");
        hs.say(alice, roomId, "x2 alpha");
        String token = search(alice, "alpha", Set.of(), filter("{\"limit\":1}"), Order.RECENT, null).nextBatch();

        assertThat(refusal(() -> search(alice, "alpha", Set.of(), SearchFilter.NONE, Order.RANK, token)).kind())
                .isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal(() -> search(alice, "alpha", Set.of(), SearchFilter.NONE, Order.RANK, "%%")).kind())
                .isEqualTo(ErrorKind.INVALID_PARAM);
    }

    private RoomEventSearchResults search(Requester who, String term) {
        return search(who, term, Set.of(), SearchFilter.NONE, Order.RANK, null);
    }

    private RoomEventSearchResults search(Requester who, String term, Set<SearchField> keys, SearchFilter filter,
                                          Order order, String nextBatch) {
        return search(who, term, keys, filter, order, nextBatch, Set.of());
    }

    private RoomEventSearchResults search(Requester who, String term, Set<SearchField> keys, SearchFilter filter,
                                          Order order, String nextBatch, Set<Grouping> groups) {
        return search(new RoomEventSearch(who, term, keys, filter, order, null, false, groups, nextBatch));
    }

    private RoomEventSearchResults search(RoomEventSearch query) {
        return search.searchRoomEvents(query);
    }

    private static SearchFilter filter(String json) {
        return SearchFilter.parse(Json.parseObject(json));
    }

    private static List<String> eventIds(RoomEventSearchResults results) {
        return results.results().stream().map(r -> r.event().string("event_id").orElseThrow()).toList();
    }

    private static List<String> bodies(RoomEventSearchResults results) {
        return bodiesOf(results.results().stream().map(RoomEventSearchResults.Result::event).toList());
    }

    private static List<String> bodiesOf(List<JsonObject> events) {
        return events.stream().filter(e -> e.string("type").orElseThrow().equals("m.room.message"))
                .map(e -> e.object("content").flatMap(c -> c.string("body")).orElseThrow()).toList();
    }

    private void setVisibility(String visibility) {
        hs.sendEvent.sendState(alice, roomId, "m.room.history_visibility", "",
                JsonObject.builder().put("history_visibility", visibility).build());
    }
}
