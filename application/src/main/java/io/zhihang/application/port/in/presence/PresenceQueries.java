package io.zhihang.application.port.in.presence;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.UserId;

import java.time.Instant;
import java.util.List;

public interface PresenceQueries {
    /**
     * {@code GET /presence/{userId}/status}: {@code {presence, last_active_ago?, currently_active?, status_msg?}}.
     * Anyone may read their own; others' only when they share a room ({@code 403} otherwise, as Synapse). With
     * presence switched off: {@code {"presence":"offline"}}.
     */
    JsonObject presence(Requester requester, UserId target);

    /** The presence stream position, for the next sync token (0 before any presence was stored). */
    long presencePosition();

    /**
     * {@code m.presence} events ({@code {"type":"m.presence","sender":u,"content":{…}}}) of the viewer and of the users
     * who share a joined room with the viewer, whose presence changed after {@code since} ({@code 0}: all of them
     * that ever set one; likewise a position beyond the current one), oldest change first. Empty when presence is
     * switched off. Read the position first, then
     * this: a change in between is then sent twice rather than never.
     */
    List<JsonObject> presenceSince(String viewerId, long since, Instant now);

    /**
     * The {@code m.presence} events of those of {@code userIds} who ever set a presence, whatever their position (a
     * sync tells a user who newly shares a room with them, as Synapse does). Empty when presence is switched off.
     */
    List<JsonObject> presenceOf(java.util.Collection<String> userIds, Instant now);
}
