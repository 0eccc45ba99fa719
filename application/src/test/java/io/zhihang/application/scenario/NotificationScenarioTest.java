package io.zhihang.application.scenario;

import io.zhihang.application.port.in.push.NotificationCounts;
import io.zhihang.application.port.in.push.NotificationQueries.NotificationsPage;
import io.zhihang.application.port.in.push.PutPushRuleCommand;
import io.zhihang.application.port.in.push.RoomUnreadCounts;
import io.zhihang.application.port.in.push.SetPusherCommand;
import io.zhihang.application.port.out.push.NotificationRepository.StoredNotification;
import io.zhihang.application.service.stream.SyncActivity;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.push.PushAction;
import io.zhihang.domain.push.Pusher;
import io.zhihang.domain.push.RuleKind;
import io.zhihang.domain.push.UserPushRules;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.zhihang.application.scenario.RoomTestHomeserver.refusal;
import static io.zhihang.application.scenario.RoomTestHomeserver.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alice, Bob and Carol talk in a group room; Bob's notifications follow his push rules: what counts, what highlights,
 * what his read position clears, what his own rules change.
 */
class NotificationScenarioTest {
    private final RoomTestHomeserver hs = new RoomTestHomeserver();
    private final Requester alice = hs.register("alice");
    private final Requester bob = hs.register("bob");
    private final Requester carol = hs.register("carol");
    private final String bobId = bob.userId().toString();

    private String groupRoom() {
        String roomId = hs.createRoom(alice, "public_chat");
        hs.membership.join(bob, roomId, null);
        hs.membership.join(carol, roomId, null);
        return roomId;
    }

    private NotificationCounts bobsCounts(String roomId) {
        return hs.notifications.counts(bobId, List.of(roomId)).of(roomId).total();
    }

    private String send(Requester sender, String roomId, String content) {
        return hs.sendEvent.send(sender, roomId, "m.room.message", Json.parseObject(content), null);
    }

    private long ordering(String eventId) {
        return hs.events.find(eventId).orElseThrow().streamOrdering();
    }

    @Test
    void bobs_counts_rise_when_alice_mentions_him_and_not_for_his_own_messages() {
        String roomId = groupRoom();
        assertThat(bobsCounts(roomId)).isEqualTo(NotificationCounts.NONE);

        hs.say(alice, roomId, "hello all");
        assertThat(bobsCounts(roomId)).isEqualTo(new NotificationCounts(1, 0));

        send(alice, roomId, "{\"msgtype\": \"m.text\", \"body\": \"you there?\", \"m.mentions\": {\"user_ids\": [\""
                + bobId + "\"]}}");
        assertThat(bobsCounts(roomId)).isEqualTo(new NotificationCounts(2, 1));

        hs.say(bob, roomId, "yes, here; hello bob!");
        assertThat(bobsCounts(roomId)).isEqualTo(new NotificationCounts(2, 1));
        assertThat(hs.notifications.counts(alice.userId().toString(), List.of(roomId)).of(roomId).total())
                .isEqualTo(new NotificationCounts(1, 0));
    }

    @Test
    void the_display_name_highlights_and_notices_and_edits_stay_quiet() {
        String roomId = groupRoom();

        hs.say(alice, roomId, "ask Bob");
        send(alice, roomId, "{\"msgtype\": \"m.notice\", \"body\": \"bob: build passed\"}");
        String original = hs.say(alice, roomId, "typo");
        send(alice, roomId, "{\"msgtype\": \"m.text\", \"body\": \"* fixed\", \"m.new_content\": {\"body\": \"fixed\"},"
                + " \"m.relates_to\": {\"rel_type\": \"m.replace\", \"event_id\": \"" + original + "\"}}");

        assertThat(bobsCounts(roomId)).isEqualTo(new NotificationCounts(2, 1));
    }

    @Test
    void a_one_to_one_room_notifies_every_message_with_sound() {
        String roomId = hs.createRoom(alice, "trusted_private_chat", bobId);
        hs.membership.join(bob, roomId, null);

        hs.say(alice, roomId, "psst");

        List<StoredNotification> rows = hs.notificationStore.all().stream()
                .filter(n -> n.userId().equals(bobId) && n.roomId().equals(roomId)).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.getLast().actions()).isEqualTo(Json.parse(
                "[\"notify\", {\"set_tweak\": \"sound\", \"value\": \"default\"}]"));
        assertThat(rows.getFirst().actions().items()).contains(PushAction.NOTIFY.toJson());
    }

    @Test
    void an_invite_notifies_the_invitee_before_they_join() {
        String roomId = hs.createRoom(alice, "private_chat", bobId);

        assertThat(bobsCounts(roomId)).isEqualTo(new NotificationCounts(1, 0));
        assertThat(hs.notificationStore.all()).singleElement()
                .satisfies(n -> assertThat(n.userId()).isEqualTo(bobId));
    }

    @Test
    void the_read_position_clears_what_came_before_it() {
        String roomId = groupRoom();
        hs.say(alice, roomId, "one");
        String two = hs.say(alice, roomId, "two");
        hs.say(alice, roomId, "three bob");

        hs.readPositions.read(bobId, roomId, ordering(two));

        assertThat(bobsCounts(roomId)).isEqualTo(new NotificationCounts(1, 1));
    }

    @Test
    void thread_replies_are_counted_by_thread_and_threaded_receipts_read_only_their_thread() {
        String roomId = groupRoom();
        String root = hs.say(alice, roomId, "root");
        String reply = send(alice, roomId, "{\"msgtype\": \"m.text\", \"body\": \"in thread\", \"m.relates_to\":"
                + " {\"rel_type\": \"m.thread\", \"event_id\": \"" + root + "\"}}");
        send(alice, roomId, "{\"msgtype\": \"m.text\", \"body\": \"bob, in thread\", \"m.relates_to\":"
                + " {\"rel_type\": \"m.thread\", \"event_id\": \"" + root + "\"}}");
        hs.say(alice, roomId, "main again");

        RoomUnreadCounts counts = hs.notifications.counts(bobId, List.of(roomId)).of(roomId);
        assertThat(counts.main()).isEqualTo(new NotificationCounts(2, 0));
        assertThat(counts.threads()).containsOnlyKeys(root);
        assertThat(counts.threads().get(root)).isEqualTo(new NotificationCounts(2, 1));
        assertThat(counts.total()).isEqualTo(new NotificationCounts(4, 1));

        hs.readPositions.readThread(bobId, roomId, root, ordering(reply));
        RoomUnreadCounts afterThreadRead = hs.notifications.counts(bobId, List.of(roomId)).of(roomId);
        assertThat(afterThreadRead.threads().get(root)).isEqualTo(new NotificationCounts(1, 1));
        assertThat(afterThreadRead.main()).isEqualTo(new NotificationCounts(2, 0));

        hs.readPositions.readThread(bobId, roomId, "main", ordering(root));
        assertThat(hs.notifications.counts(bobId, List.of(roomId)).of(roomId).main())
                .isEqualTo(new NotificationCounts(1, 0));
    }

    @Test
    void a_reaction_in_a_thread_belongs_to_the_thread_of_the_event_it_reacts_to() {
        String roomId = groupRoom();
        hs.pushRules.put(new PutPushRuleCommand(bob, RuleKind.OVERRIDE, "reactions", UserPushRules.NewRule.parse(
                RuleKind.OVERRIDE, Json.parseObject("{\"conditions\": [{\"kind\": \"event_match\", \"key\": \"type\","
                        + " \"pattern\": \"m.reaction\"}], \"actions\": [\"notify\"]}")), null, null));
        String root = hs.say(alice, roomId, "root");
        String reply = send(alice, roomId, "{\"msgtype\": \"m.text\", \"body\": \"r\", \"m.relates_to\":"
                + " {\"rel_type\": \"m.thread\", \"event_id\": \"" + root + "\"}}");
        String reaction = hs.sendEvent.send(alice, roomId, "m.reaction", Json.parseObject(
                "{\"m.relates_to\": {\"rel_type\": \"m.annotation\", \"event_id\": \"" + reply + "\", \"key\": \"+1\"}}"),
                null);

        assertThat(hs.notificationStore.all()).filteredOn(n -> n.eventId().equals(reaction)).singleElement()
                .satisfies(n -> assertThat(n.threadId()).isEqualTo(root));
    }

    @Test
    void bobs_own_rules_change_what_notifies_at_once_and_wake_his_sync() {
        String roomId = groupRoom();
        hs.say(alice, roomId, "warm up the cache");
        long before = hs.pushRules.pushRulesPosition(bobId);

        hs.pushRules.setEnabled(bob, RuleKind.UNDERRIDE, ".m.rule.message", false);
        hs.say(alice, roomId, "not counted");
        hs.pushRules.put(new PutPushRuleCommand(bob, RuleKind.CONTENT, "cake", UserPushRules.NewRule.parse(
                RuleKind.CONTENT, Json.parseObject("{\"pattern\": \"cake\", \"actions\": [\"notify\","
                        + " {\"set_tweak\": \"highlight\"}]}")), null, null));
        hs.say(alice, roomId, "cake time");

        assertThat(bobsCounts(roomId)).isEqualTo(new NotificationCounts(2, 1));
        assertThat(hs.pushRules.pushRulesPosition(bobId)).isEqualTo(before + 2);
        assertThat(hs.pushRules.pushRulesChangedSince(bobId, before)).isTrue();
        assertThat(hs.pushRules.pushRulesChangedSince(bobId, before + 2)).isFalse();
        assertThat(hs.syncActivity.fired()).containsExactly(SyncActivity.ofUser(bobId), SyncActivity.ofUser(bobId));
        JsonObject accountData = hs.pushRules.pushRulesAccountData(bobId);
        assertThat(accountData.object("global").orElseThrow().array("content").orElseThrow().get(0))
                .isEqualTo(Json.parseObject("{\"rule_id\": \"cake\", \"default\": false, \"enabled\": true,"
                        + " \"pattern\": \"cake\", \"actions\": [\"notify\", {\"set_tweak\": \"highlight\"}]}"));
    }

    @Test
    void the_write_path_reads_rules_once_per_user_until_they_change_or_grow_old() {
        String roomId = groupRoom();
        hs.say(alice, roomId, "one");
        int reads = hs.pushRuleStore.reads();

        hs.say(alice, roomId, "two");
        hs.say(alice, roomId, "three");
        assertThat(hs.pushRuleStore.reads()).isEqualTo(reads);

        hs.server.clock.advance(Duration.ofMinutes(2));
        hs.say(alice, roomId, "four");
        assertThat(hs.pushRuleStore.reads()).isEqualTo(reads + 1);
    }

    @Test
    void the_notification_list_pages_newest_first_and_marks_what_was_read() {
        String roomId = groupRoom();
        String one = hs.say(alice, roomId, "one");
        String two = hs.say(alice, roomId, "two bob");
        String three = hs.say(alice, roomId, "three");
        hs.readPositions.read(bobId, roomId, ordering(one));

        NotificationsPage first = hs.notifications.notifications(bob, null, 2, false);
        assertThat(first.notifications()).extracting(n -> n.object("event").orElseThrow().string("event_id")
                .orElseThrow()).containsExactly(three, two);
        assertThat(first.nextToken()).isNotNull();
        JsonObject newest = first.notifications().getFirst();
        assertThat(newest.string("room_id")).contains(roomId);
        assertThat(newest.bool("read")).contains(false);
        assertThat(newest.object("event").orElseThrow().string("room_id")).contains(roomId);
        assertThat(newest.number("ts")).isPresent();

        NotificationsPage second = hs.notifications.notifications(bob, first.nextToken(), 2, false);
        assertThat(second.notifications()).extracting(n -> n.object("event").orElseThrow().string("event_id")
                .orElseThrow()).containsExactly(one);
        assertThat(second.notifications().getFirst().bool("read")).contains(true);
        assertThat(second.nextToken()).isNull();

        NotificationsPage highlights = hs.notifications.notifications(bob, null, 10, true);
        assertThat(highlights.notifications()).singleElement()
                .satisfies(n -> assertThat(n.object("event").orElseThrow().string("event_id")).contains(two));
        assertThat(refusal(() -> hs.notifications.notifications(bob, "soon", 10, false)).kind())
                .isEqualTo(ErrorKind.INVALID_PARAM);
    }

    @Test
    void unread_counts_of_a_room_are_for_its_members_only() {
        String roomId = groupRoom();
        hs.say(alice, roomId, "hi bob");
        Requester dave = hs.register("dave");

        assertThat(hs.notifications.unread(bob, roomId)).isEqualTo(new NotificationCounts(1, 1));
        assertThat(refusal(() -> hs.notifications.unread(dave, roomId)).kind()).isEqualTo(ErrorKind.FORBIDDEN);
    }

    @Test
    void pushers_are_set_listed_replaced_and_deleted() {
        JsonObject data = Json.parseObject("{\"url\": \"https://push.example.org/_matrix/push/v1/notify\"}");
        Pusher phone = new Pusher("key1", "http", "org.example.app", "App", "Phone", null, "en", data);

        hs.pushers.set(new SetPusherCommand(bob, "org.example.app", "key1", phone, false));
        hs.pushers.set(new SetPusherCommand(carol, "org.example.app", "key1", phone, true));
        assertThat(hs.pushers.pushers(bob)).containsExactly(phone);
        assertThat(hs.pushers.pushers(carol)).containsExactly(phone);

        hs.pushers.set(new SetPusherCommand(bob, "org.example.app", "key1", phone, false));
        assertThat(hs.pushers.pushers(carol)).isEmpty();

        hs.pushers.set(new SetPusherCommand(bob, "org.example.app", "key1", null, false));
        assertThat(hs.pushers.pushers(bob)).isEmpty();
    }
}
