package io.zhihang.application.scenario;

import io.zhihang.application.fakes.ImmediateAfterCommit;
import io.zhihang.application.fakes.InMemoryAccountDataRepository;
import io.zhihang.application.fakes.InMemoryReceiptRepository;
import io.zhihang.application.fakes.RecordingEvent;
import io.zhihang.application.service.stream.SyncActivity;
import io.zhihang.application.service.userdata.AccountDataService;
import io.zhihang.application.service.userdata.ReceiptService;
import io.zhihang.application.service.userdata.UserDataSyncService;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;

/**
 * The account-data and receipt services wired by hand on in-memory fakes, on top of a {@link RoomTestHomeserver}.
 * {@link #syncActivity} records the {@link SyncActivity} events they fire.
 */
public final class UserDataTestHomeserver {
    public final RoomTestHomeserver rooms = new RoomTestHomeserver();
    public final InMemoryAccountDataRepository accountDataStore = new InMemoryAccountDataRepository();
    public final InMemoryReceiptRepository receiptStore = new InMemoryReceiptRepository();
    public final RecordingEvent<SyncActivity> syncActivity = new RecordingEvent<>();

    public final AccountDataService accountData;
    public final ReceiptService receipts;
    public final UserDataSyncService sync;

    public UserDataTestHomeserver() {
        accountData = new AccountDataService(accountDataStore, rooms.access, syncActivity, new RecordingEvent<>());
        receipts = new ReceiptService(receiptStore, accountDataStore, rooms.access, rooms.events, rooms.history,
                rooms.server.clock, syncActivity, new ImmediateAfterCommit(), RoomTestHomeserver.NO_PUSH);
        sync = new UserDataSyncService(accountDataStore, receiptStore);
    }

    public Requester register(String localpart) {
        return rooms.register(localpart);
    }

    /** Sends a message in the thread of {@code rootId}; returns its event id. */
    public String replyInThread(Requester sender, String roomId, String rootId, String body) {
        JsonObject content = RoomTestHomeserver.text(body).with("m.relates_to",
                JsonObject.builder().put("rel_type", "m.thread").put("event_id", rootId).build());
        return rooms.sendEvent.send(sender, roomId, "m.room.message", content, "thread-" + body);
    }

    /** Sends a reaction to {@code targetId}; returns its event id. */
    public String react(Requester sender, String roomId, String targetId, String key) {
        JsonObject content = JsonObject.builder().put("m.relates_to", JsonObject.builder()
                .put("rel_type", "m.annotation").put("event_id", targetId).put("key", key).build()).build();
        return rooms.sendEvent.send(sender, roomId, "m.reaction", content, "reaction-" + key + targetId);
    }
}
