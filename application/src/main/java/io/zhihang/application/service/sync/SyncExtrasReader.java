package io.zhihang.application.service.sync;

import io.zhihang.application.port.in.userdata.AccountDataDelta;
import io.zhihang.application.port.in.userdata.UserDataSyncQueries;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.application.port.in.presence.PresenceQueries;
import io.zhihang.application.port.in.push.PushRuleQueries;
import io.zhihang.application.port.in.todevice.ToDeviceBatch;
import io.zhihang.application.port.in.todevice.ToDeviceSyncUseCase;
import io.zhihang.application.port.in.typing.TypingQueries;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonArray;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.InstantSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the non-event streams for a sync. A stream whose position has not moved since the token costs nothing.
 */
@ApplicationScoped
public class SyncExtrasReader {
    private final UserDataSyncQueries userData;
    private final TypingQueries typing;
    private final PresenceQueries presence;
    private final InstantSource clock;
    private final PushRuleQueries pushRules;
    private final ToDeviceSyncUseCase toDevice;

    public SyncExtrasReader(UserDataSyncQueries userData, TypingQueries typing, PresenceQueries presence,
                            PushRuleQueries pushRules, ToDeviceSyncUseCase toDevice, InstantSource clock) {
        this.toDevice = toDevice;
        this.pushRules = pushRules;
        this.userData = userData;
        this.typing = typing;
        this.presence = presence;
        this.clock = clock;
    }

    /** @param since null for an initial sync */
    SyncExtras read(String userId, SyncToken since, SyncToken now, Set<String> joinedRooms, SyncFilter filter) {
        List<JsonObject> global = new ArrayList<>();
        Map<String, List<JsonObject>> roomData = new HashMap<>();
        long adSince = since == null ? 0 : since.accountData();
        if (since == null || adSince < now.accountData()) {
            AccountDataDelta delta = userData.accountDataSince(userId, adSince);
            delta.global().forEach((type, content) -> {
                JsonObject event = event(type, content);
                if (filter.filter().accountData().matches(event)) {
                    global.add(event);
                }
            });
            delta.rooms().forEach((roomId, byType) -> {
                if (joinedRooms.contains(roomId)) {
                    List<JsonObject> events = new ArrayList<>();
                    byType.forEach((type, content) -> {
                        JsonObject event = event(type, content);
                        if (filter.roomAccountData().matches(event)) {
                            events.add(event);
                        }
                    });
                    if (!events.isEmpty()) {
                        roomData.put(roomId, events);
                    }
                }
            });
        }
        if (since == null || since.pushRules() < now.pushRules()) {
            JsonObject event = event("m.push_rules", pushRules.pushRulesAccountData(userId));
            if (filter.filter().accountData().matches(event)) {
                global.add(event);
            }
        }
        Map<String, List<JsonObject>> ephemeral = new HashMap<>();
        long receiptsSince = since == null ? 0 : since.receipts();
        if (!joinedRooms.isEmpty() && (since == null || receiptsSince < now.receipts())) {
            userData.receiptsSince(userId, joinedRooms, receiptsSince).forEach((roomId, content) ->
                    ephemeral.computeIfAbsent(roomId, r -> new ArrayList<>()).add(event("m.receipt", content)));
        }
        long typingSince = since == null ? 0 : since.typing();
        if (!joinedRooms.isEmpty() && (since == null || typingSince != now.typing())) {
            typing.typingSince(joinedRooms, typingSince).forEach((roomId, typers) -> {
                if (since != null || !typers.isEmpty()) {
                    JsonObject content = JsonObject.builder().put("user_ids", new JsonArray(
                            typers.stream().map(u -> (io.zhihang.domain.protocol.json.JsonValue) new JsonString(u))
                                    .toList())).build();
                    ephemeral.computeIfAbsent(roomId, r -> new ArrayList<>()).add(event("m.typing", content));
                }
            });
        }
        ephemeral.replaceAll((roomId, events) -> events.stream().filter(e -> filter.ephemeral().matches(e)).toList());
        ephemeral.values().removeIf(List::isEmpty);
        List<JsonObject> presenceEvents = List.of();
        long presenceSince = since == null ? 0 : since.presence();
        if (since == null || presenceSince < now.presence()) {
            presenceEvents = presence.presenceSince(userId, presenceSince, clock.instant()).stream()
                    .filter(e -> filter.filter().presence().matches(e)).toList();
        }
        return new SyncExtras(global, roomData, ephemeral, presenceEvents);
    }

    /**
     * The presence of users the reader newly shares a room with ({@code users}), but for those {@code already} has:
     * a client that just joined a room, or saw someone join one, learns their presence though it did not change.
     */
    List<JsonObject> presenceOfNewcomers(java.util.Collection<String> users, List<JsonObject> already,
                                         SyncFilter filter) {
        if (users.isEmpty() || filter.filter().presence().blocksAll()) {
            return already;
        }
        Set<String> wanted = new java.util.LinkedHashSet<>(users);
        already.forEach(e -> e.string("sender").ifPresent(wanted::remove));
        if (wanted.isEmpty()) {
            return already;
        }
        List<JsonObject> out = new ArrayList<>(already);
        presence.presenceOf(wanted, clock.instant()).stream()
                .filter(e -> filter.filter().presence().matches(e)).forEach(out::add);
        return out;
    }

    /**
     * The device's to-device messages after the token's position (its own inbox; the position is the stream's, so the
     * service answers from memory while the device is known to have nothing there).
     */
    ToDeviceBatch toDevice(Requester requester, SyncToken since, SyncToken now) {
        return toDevice.pending(requester, since == null ? 0 : since.toDevice(), now.toDevice());
    }

    /** Typing lives in memory, so its position is not among the stored heads. */
    long typingPosition() {
        return typing.typingPosition();
    }

    private static JsonObject event(String type, JsonObject content) {
        return JsonObject.builder().put("type", new JsonString(type)).put("content", content).build();
    }
}
