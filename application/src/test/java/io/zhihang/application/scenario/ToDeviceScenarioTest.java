package io.zhihang.application.scenario;

import io.zhihang.application.fakes.ImmediateAfterCommit;
import io.zhihang.application.fakes.InMemoryDeviceInbox;
import io.zhihang.application.fakes.RecordingEvent;
import io.zhihang.application.port.in.todevice.SendToDeviceCommand;
import io.zhihang.application.port.in.todevice.ToDeviceBatch;
import io.zhihang.application.port.in.todevice.ToDeviceSyncUseCase;
import io.zhihang.application.service.devicelist.DevicesChanged;
import io.zhihang.application.service.stream.SyncActivity;
import io.zhihang.application.service.todevice.DeviceInboxCleanup;
import io.zhihang.application.service.todevice.SendToDeviceService;
import io.zhihang.application.service.todevice.ToDeviceSyncService;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.todevice.ToDeviceMessages;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alice's device sends Bob's devices to-device messages; each of Bob's devices reads its own inbox as sync does,
 * acknowledging with the position of its last token. An inbox known to be empty costs no query.
 */
class ToDeviceScenarioTest {
    private static final String PASSWORD = "long enough password";

    private final TestHomeserver server = TestHomeserver.open();
    private final InMemoryDeviceInbox inbox = new InMemoryDeviceInbox(server.devices);
    private final RecordingEvent<SyncActivity> syncActivity = new RecordingEvent<>();
    private final SendToDeviceService send = new SendToDeviceService(inbox, server.settings, server.clock,
            syncActivity);
    private final ToDeviceSyncService sync = new ToDeviceSyncService(inbox, new ImmediateAfterCommit());
    private final DeviceInboxCleanup cleanup = new DeviceInboxCleanup(inbox);

    private final Requester alice = server.authenticate(server.register("alice", PASSWORD));
    private final Requester bobsLaptop = server.authenticate(server.register("bob", PASSWORD));
    private final Requester bobsPhone = server.authenticate(server.login("bob", PASSWORD, "PHONE"));
    private final String bob = bobsLaptop.userId().toString();

    private void send(String txnId, String messages) {
        send.send(new SendToDeviceCommand(alice, "org.example.test", txnId,
                ToDeviceMessages.parse(Json.parseClientData("{\"m\":" + messages + "}").get("m").orElseThrow())));
    }

    private static List<Long> numbers(ToDeviceBatch batch) {
        return batch.events().stream().map(e -> e.object("content").orElseThrow().number("n").orElseThrow()).toList();
    }

    @Test
    void an_idle_devices_sync_asks_nothing_once_its_inbox_is_known_empty() {
        assertThat(sync.pending(bobsPhone, 0, inbox.position()).events()).isEmpty();
        assertThat(inbox.pendingQueries()).isZero(); // nothing was ever sent

        send("t1", "{\"" + bob + "\": {\"" + bobsLaptop.deviceId().value() + "\": {\"n\": 1}}}");
        assertThat(syncActivity.drain()).containsExactly(SyncActivity.ofUser(bob));
        long head = inbox.position();

        assertThat(sync.pending(bobsPhone, 0, head)).isEqualTo(new ToDeviceBatch(List.of(), head));
        assertThat(inbox.pendingQueries()).isOne();
        sync.acknowledge(bobsPhone, head);
        assertThat(sync.pending(bobsPhone, head, head).events()).isEmpty();
        assertThat(sync.pending(bobsPhone, 0, head).events()).isEmpty();
        assertThat(inbox.pendingQueries()).isOne();
        assertThat(inbox.deletions()).isZero();

        ToDeviceBatch laptop = sync.pending(bobsLaptop, 0, head);
        assertThat(laptop.events()).containsExactly(JsonObject.builder().put("sender", alice.userId().toString())
                .put("type", "org.example.test").put("content", Json.parseClientData("{\"n\":1}")).build());
        assertThat(laptop.position()).isEqualTo(head);
        sync.acknowledge(bobsLaptop, head);
        assertThat(inbox.size()).isZero();
        sync.acknowledge(bobsLaptop, head);
        assertThat(sync.pending(bobsLaptop, head, head).events()).isEmpty();
        assertThat(inbox.deletions()).isOne();
    }

    @Test
    void unacknowledged_messages_come_again_and_a_full_batch_leaves_the_rest_for_the_next_sync() {
        String phone = bobsPhone.deviceId().value();
        for (int i = 0; i < ToDeviceSyncUseCase.LIMIT + 1; i++) {
            send("t" + i, "{\"" + bob + "\": {\"" + phone + "\": {\"n\": " + i + "}}}");
        }
        long head = inbox.position();

        ToDeviceBatch first = sync.pending(bobsPhone, 0, head);
        assertThat(numbers(first)).hasSize(ToDeviceSyncUseCase.LIMIT).startsWith(0L, 1L).endsWith(99L);
        assertThat(first.position()).isLessThan(head);
        assertThat(sync.pending(bobsPhone, 0, head)).isEqualTo(first);

        sync.acknowledge(bobsPhone, first.position());
        ToDeviceBatch second = sync.pending(bobsPhone, first.position(), head);
        assertThat(numbers(second)).containsExactly(100L);
        assertThat(second.position()).isEqualTo(head);
        sync.acknowledge(bobsPhone, second.position());
        assertThat(inbox.size()).isZero();
    }

    @Test
    void retries_remote_users_and_unknown_devices_deliver_nothing() {
        send("once", "{\"" + bob + "\": {\"*\": {\"n\": 1}}}");
        long head = inbox.position();
        send("once", "{\"" + bob + "\": {\"*\": {\"n\": 1}}}");
        send("remote", "{\"@carol:elsewhere.example\": {\"*\": {\"n\": 2}}}");
        send("unknown", "{\"@nobody:example.org\": {\"*\": {}}, \"" + bob + "\": {\"GONE\": {}}}");

        assertThat(inbox.position()).isEqualTo(head);
        assertThat(numbers(sync.pending(bobsPhone, 0, head))).containsExactly(1L);
        assertThat(numbers(sync.pending(bobsLaptop, 0, head))).containsExactly(1L);
        assertThat(syncActivity.drain()).containsExactly(SyncActivity.ofUser(bob));
    }

    @Test
    void a_deleted_device_takes_its_inbox_and_transaction_ids_along() {
        send("t1", "{\"" + bob + "\": {\"*\": {\"n\": 1}}}");
        send.send(new SendToDeviceCommand(bobsPhone, "org.example.test", "from-phone", ToDeviceMessages.parse(
                Json.parseClientData("{\"" + alice.userId() + "\": {\"*\": {}}}"))));
        assertThat(inbox.size()).isEqualTo(3);
        assertThat(inbox.txnCount()).isEqualTo(2);

        cleanup.on(DevicesChanged.removed(bobsPhone.userId(), List.of(bobsPhone.deviceId())));

        assertThat(inbox.size()).isEqualTo(2);
        assertThat(inbox.txnCount()).isOne();
        assertThat(numbers(sync.pending(bobsLaptop, 0, inbox.position()))).containsExactly(1L);
    }
}
