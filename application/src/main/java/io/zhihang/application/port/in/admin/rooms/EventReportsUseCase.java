package io.zhihang.application.port.in.admin.rooms;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;

import java.util.List;

/**
 * Reports about events and rooms: users make them ({@code POST /rooms/{roomId}/report[/{eventId}]}), server admins
 * read and delete them ({@code /_synapse/admin/v1/event_reports}).
 */
public interface EventReportsUseCase {
    /** The reporter must be in the room and able to see the event; 404 otherwise (the spec's answer). */
    void reportEvent(Requester reporter, String roomId, String eventId, String reason, Long score);

    /** The reporter must be joined to the room; 404 otherwise. */
    void reportRoom(Requester reporter, String roomId, String reason);

    ReportPage list(Requester admin, int from, int limit, boolean backwards, String roomId, String userId);

    /** The report with the reported event's JSON ({@code event_json}, null once the event is purged). */
    Report get(Requester admin, long id);

    void delete(Requester admin, String ip, long id);

    record Report(long id, long receivedTs, String roomId, String name, String canonicalAlias, String eventId,
                  String userId, String sender, String reason, Long score, JsonObject eventJson) {
    }

    record ReportPage(List<Report> reports, long total, Integer nextToken) {
    }
}
