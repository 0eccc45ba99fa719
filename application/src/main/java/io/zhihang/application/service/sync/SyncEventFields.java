package io.zhihang.application.service.sync;

import io.zhihang.application.port.in.sync.SyncResult;
import io.zhihang.domain.filter.Filter;
import io.zhihang.domain.protocol.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A filter's {@code event_fields}: every event of a sync response cut down to the fields asked for. */
final class SyncEventFields {
    private SyncEventFields() {
    }

    static SyncResult apply(SyncResult r, List<String> fields) {
        if (fields == null) {
            return r;
        }
        Map<String, SyncResult.JoinedRoom> join = new LinkedHashMap<>();
        r.join().forEach((id, room) -> join.put(id, new SyncResult.JoinedRoom(timeline(room.timeline(), fields),
                cut(room.state(), fields), cut(room.ephemeral(), fields), cut(room.accountData(), fields),
                room.unread(), room.threadUnread(), room.summary())));
        Map<String, SyncResult.LeftRoom> leave = new LinkedHashMap<>();
        r.leave().forEach((id, room) -> leave.put(id, new SyncResult.LeftRoom(timeline(room.timeline(), fields),
                cut(room.state(), fields), cut(room.accountData(), fields))));
        Map<String, SyncResult.InvitedRoom> invite = new LinkedHashMap<>();
        r.invite().forEach((id, room) -> invite.put(id, new SyncResult.InvitedRoom(cut(room.inviteState(), fields))));
        Map<String, SyncResult.KnockedRoom> knock = new LinkedHashMap<>();
        r.knock().forEach((id, room) -> knock.put(id, new SyncResult.KnockedRoom(cut(room.knockState(), fields))));
        return new SyncResult(r.nextBatch(), join, invite, leave, knock, cut(r.accountData(), fields),
                cut(r.presence(), fields), r.toDevice(), r.deviceLists(), r.oneTimeKeyCounts(),
                r.unusedFallbackKeyTypes());
    }

    private static SyncResult.Timeline timeline(SyncResult.Timeline t, List<String> fields) {
        return new SyncResult.Timeline(cut(t.events(), fields), t.limited(), t.prevBatch());
    }

    private static List<JsonObject> cut(List<JsonObject> events, List<String> fields) {
        return events.stream().map(e -> Filter.applyEventFields(e, fields)).toList();
    }
}
