package io.zhihang.application.service.push;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.push.RecordNotificationsUseCase;
import io.zhihang.application.port.out.AfterCommit;
import io.zhihang.application.port.out.push.NotificationRepository;
import io.zhihang.application.port.out.push.NotificationRepository.StoredNotification;
import io.zhihang.application.port.out.push.PushNotifier;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.push.PushAction;
import io.zhihang.domain.push.PushContext;
import io.zhihang.domain.push.PushDecision;
import io.zhihang.domain.push.PushEvent;
import io.zhihang.domain.push.PushRuleSet;
import io.zhihang.domain.room.StateKey;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs push rules when events are stored, in the transaction that stores them: for every local user joined to the
 * room except the sender (and the invitee of an invite), the user's rules decide, and each event that notifies
 * someone becomes a row of {@link NotificationRepository}, all rows in one batch. Rooms where the sender is alone
 * cost a glance at the state map; in other rooms the members, power levels and rules come from memory. A redacted
 * event's rows are deleted, so a recalled message is neither unread nor listed. Once rows commit, push delivery is
 * woken ({@link PushNotifier}).
 */
@ApplicationScoped
public class NotificationRecorder implements RecordNotificationsUseCase {
    private static final String THREAD = "m.thread";

    private final RoomPushContexts rooms;
    private final PushRulesCache rules;
    private final NotificationRepository notifications;
    private final EventStore events;
    private final String localServer;
    private final AfterCommit afterCommit;
    private final PushNotifier push;

    public NotificationRecorder(RoomPushContexts rooms, PushRulesCache rules, NotificationRepository notifications,
                                EventStore events, HomeserverSettings settings, AfterCommit afterCommit,
                                PushNotifier push) {
        this.rooms = rooms;
        this.afterCommit = afterCommit;
        this.push = push;
        this.rules = rules;
        this.notifications = notifications;
        this.events = events;
        this.localServer = settings.serverName().value();
    }

    @Override
    public void record(String roomId, RoomVersion version, Map<StateKey, String> stateBefore, List<NewEvent> stored) {
        List<StoredNotification> rows = decide(roomId, version, stateBefore, stored);
        if (!rows.isEmpty()) {
            notifications.addAll(rows);
        }
    }

    @Override
    public void redacted(String eventId) {
        notifications.removeEvent(eventId);
    }

    @Override
    public List<StoredNotification> decide(String roomId, RoomVersion version, Map<StateKey, String> stateBefore,
                                           List<NewEvent> stored) {
        RoomPushState room = null;
        List<StoredNotification> rows = new ArrayList<>();
        for (NewEvent event : stored) {
            Pdu pdu = event.pdu();
            Optional<String> invitee = localInvitee(pdu);
            if (invitee.isEmpty() && !RoomPushContexts.hasOtherMembers(stateBefore, pdu.sender())) {
                continue;
            }
            if (room == null) {
                room = rooms.of(roomId, version, stateBefore);
            }
            Set<String> recipients = recipients(room, pdu, invitee);
            if (!recipients.isEmpty()) {
                decide(roomId, room, event, recipients, rows);
            }
        }
        if (!rows.isEmpty()) {
            afterCommit.register(push::notificationsRecorded, () -> { });
        }
        return rows;
    }

    private void decide(String roomId, RoomPushState room, NewEvent event, Set<String> recipients,
                        List<StoredNotification> rows) {
        Map<String, PushRuleSet> rulesByUser = rules.rulesOf(recipients);
        PushEvent pushEvent = PushEvent.of(event.pdu());
        String threadId = null;
        for (String userId : recipients) {
            PushDecision decision = rulesByUser.get(userId).evaluate(pushEvent,
                    new PushContext(userId, room.displayName(userId), room.memberCount(), room.powerLevels()));
            if (decision.notifies()) {
                if (threadId == null) {
                    threadId = threadOf(event.pdu());
                }
                rows.add(new StoredNotification(userId, roomId, event.pdu().eventId(), event.streamOrdering(),
                        decision.highlights(), threadId, PushAction.toJson(decision.actions())));
            }
        }
    }

    /** Joined local users but the sender, and the invitee of an invite. */
    private Set<String> recipients(RoomPushState room, Pdu pdu, Optional<String> invitee) {
        Set<String> recipients = new LinkedHashSet<>();
        for (String userId : room.joined().keySet()) {
            if (!userId.equals(pdu.sender()) && isLocal(userId)) {
                recipients.add(userId);
            }
        }
        invitee.ifPresent(recipients::add);
        return recipients;
    }

    private Optional<String> localInvitee(Pdu pdu) {
        if (!pdu.type().equals("m.room.member") || !"invite".equals(pdu.content().string("membership").orElse(null))) {
            return Optional.empty();
        }
        return pdu.stateKey().filter(target -> !target.equals(pdu.sender()) && isLocal(target));
    }

    /** A user of this server (the part after the first colon of a user id is its server name). */
    private boolean isLocal(String userId) {
        int colon = userId.indexOf(':');
        return colon > 0 && userId.regionMatches(colon + 1, localServer, 0, localServer.length())
                && userId.length() == colon + 1 + localServer.length();
    }

    /**
     * The thread an event belongs to: the root of an {@code m.thread} relation; for another relation (an edit, a
     * reaction), the thread of the event it relates to (one hop, as Synapse does); otherwise the main timeline.
     */
    private String threadOf(Pdu pdu) {
        JsonObject relation = pdu.content().object("m.relates_to").orElse(JsonObject.EMPTY);
        Optional<String> target = relation.string("event_id");
        if (target.isEmpty() || relation.string("rel_type").isEmpty()) {
            return NotificationRepository.MAIN_THREAD;
        }
        if (THREAD.equals(relation.string("rel_type").get())) {
            return target.get();
        }
        return events.find(target.get())
                .map(parent -> parent.pdu().content().object("m.relates_to").orElse(JsonObject.EMPTY))
                .filter(parentRelation -> THREAD.equals(parentRelation.string("rel_type").orElse(null)))
                .flatMap(parentRelation -> parentRelation.string("event_id"))
                .orElse(NotificationRepository.MAIN_THREAD);
    }
}
