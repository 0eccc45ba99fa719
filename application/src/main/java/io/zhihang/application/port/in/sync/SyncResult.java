package io.zhihang.application.port.in.sync;

import io.zhihang.domain.protocol.json.JsonObject;

import java.util.List;
import java.util.Map;

/** The {@code /sync} response, section by section as the spec names them. */
public record SyncResult(String nextBatch, Map<String, JoinedRoom> join, Map<String, InvitedRoom> invite,
                         Map<String, LeftRoom> leave, Map<String, KnockedRoom> knock, List<JsonObject> accountData,
                         List<JsonObject> presence, List<JsonObject> toDevice, DeviceLists deviceLists,
                         Map<String, Long> oneTimeKeyCounts, List<String> unusedFallbackKeyTypes) {

    /** Whether the response tells the client nothing new (a long-poll keeps waiting). */
    public boolean isEmpty() {
        return join.isEmpty() && invite.isEmpty() && leave.isEmpty() && knock.isEmpty() && accountData.isEmpty()
                && presence.isEmpty() && toDevice.isEmpty() && deviceLists.changed().isEmpty()
                && deviceLists.left().isEmpty();
    }

    public record Timeline(List<JsonObject> events, boolean limited, String prevBatch) {
    }

    public record Counts(long notificationCount, long highlightCount) {
        public static final Counts ZERO = new Counts(0, 0);
    }

    /** {@code heroes} null: not sent (the room has a name); counts null: not sent. */
    public record Summary(List<String> heroes, Long joinedMemberCount, Long invitedMemberCount) {
    }

    public record JoinedRoom(Timeline timeline, List<JsonObject> state, List<JsonObject> ephemeral,
                             List<JsonObject> accountData, Counts unread, Map<String, Counts> threadUnread,
                             Summary summary) {
        public JoinedRoom withExtras(List<JsonObject> ephemeral, List<JsonObject> accountData) {
            return new JoinedRoom(timeline, state, ephemeral, accountData, unread, threadUnread, summary);
        }

        public JoinedRoom withCounts(Counts unread, Map<String, Counts> threadUnread) {
            return new JoinedRoom(timeline, state, ephemeral, accountData, unread, threadUnread, summary);
        }

        /** Nothing to tell the client about the room (counts alone do not make a room worth sending). */
        public boolean isEmpty() {
            return timeline.events().isEmpty() && state.isEmpty() && ephemeral.isEmpty() && accountData.isEmpty();
        }
    }

    public record InvitedRoom(List<JsonObject> inviteState) {
    }

    public record KnockedRoom(List<JsonObject> knockState) {
    }

    public record LeftRoom(Timeline timeline, List<JsonObject> state, List<JsonObject> accountData) {
    }

    public record DeviceLists(List<String> changed, List<String> left) {
        public static final DeviceLists NONE = new DeviceLists(List.of(), List.of());
    }
}
