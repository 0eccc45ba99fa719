package io.zhihang.application.service.room;

import io.zhihang.application.port.out.ErasedUsers;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.ForgottenRooms;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.Redaction;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.room.HistorySpans;
import io.zhihang.domain.room.HistoryVisibility;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies history visibility to events a reader asks for: walks them in stream order from the state just before the
 * first, tracking the reader's membership and the room's visibility (Synapse's {@code filter_events_for_client}).
 */
@ApplicationScoped
public class HistoryFilter {
    private static final String MEMBER = "m.room.member";
    private static final String VISIBILITY = "m.room.history_visibility";

    private final EventStore events;
    private final RoomAccess access;

    private final ForgottenRooms forgotten;
    private final ErasedUsers erased;

    public HistoryFilter(EventStore events, RoomAccess access, ForgottenRooms forgotten, ErasedUsers erased) {
        this.erased = erased;
        this.events = events;
        this.access = access;
        this.forgotten = forgotten;
    }

    /**
     * Like {@link #visible}, for a reader known to be joined since stream position {@code joinedAt} (the ordering of
     * their current member event, a join): events after it are all visible, whatever the history visibility, so a
     * page entirely after it needs no reads (the common case of sync).
     */
    public List<StoredEvent> visibleToJoined(String roomId, String userId, List<StoredEvent> page, long joinedAt) {
        if (page.stream().allMatch(e -> e.streamOrdering() >= joinedAt)) {
            return page;
        }
        return visible(roomId, userId, page, "join");
    }

    /** The events the user may see, in the order given. */
    public List<StoredEvent> visible(String roomId, String userId, List<StoredEvent> page) {
        if (page.isEmpty()) {
            return page;
        }
        return visible(roomId, userId, page, access.membership(roomId, userId).orElse(null));
    }

    /** The events the user, whose current membership is {@code membershipNow}, may see, in the order given. */
    public List<StoredEvent> visible(String roomId, String userId, List<StoredEvent> page, String membershipNow) {
        if (page.isEmpty()) {
            return page;
        }
        boolean joinedNow = "join".equals(membershipNow);
        long lastJoin = joinedNow ? Long.MAX_VALUE : lastJoin(roomId, userId);
        List<StoredEvent> ascending = page.stream().sorted(Comparator.comparingLong(StoredEvent::streamOrdering)).toList();
        long before = ascending.getFirst().streamOrdering() - 1;
        String membership = events.latestState(roomId, MEMBER, userId, before)
                .flatMap(e -> e.pdu().content().string("membership")).orElse(null);
        HistoryVisibility visibility = visibilityOf(events.latestState(roomId, VISIBILITY, "", before));
        return visibleFrom(userId, page, ascending, membership, visibility, lastJoin);
    }

    /**
     * For a reader joined now, with the state just before the page already known (batched reads): their member
     * event and the history visibility event in force then (either may be null).
     */
    public List<StoredEvent> visibleToJoinedGiven(String userId, List<StoredEvent> page, StoredEvent memberBefore,
                                                  StoredEvent visibilityBefore) {
        if (page.isEmpty()) {
            return page;
        }
        List<StoredEvent> ascending = page.stream().sorted(Comparator.comparingLong(StoredEvent::streamOrdering)).toList();
        String membership = memberBefore == null ? null
                : memberBefore.pdu().content().string("membership").orElse(null);
        return visibleFrom(userId, page, ascending, membership,
                visibilityOf(java.util.Optional.ofNullable(visibilityBefore)), Long.MAX_VALUE);
    }

    /** The state keys {@link #visibleToJoinedGiven} needs, just before the page. */
    public static List<io.zhihang.domain.room.StateKey> keysBefore(String userId) {
        return List.of(io.zhihang.domain.room.StateKey.member(userId),
                new io.zhihang.domain.room.StateKey(VISIBILITY, ""));
    }

    private List<StoredEvent> visibleFrom(String userId, List<StoredEvent> page, List<StoredEvent> ascending,
                                          String membership, HistoryVisibility visibility, long lastJoin) {
        Set<String> shown = new HashSet<>();
        Set<String> shownUnjoined = new HashSet<>();
        for (StoredEvent stored : ascending) {
            Pdu pdu = stored.pdu();
            HistoryVisibility atEvent = visibility;
            String membershipAtEvent = membership;
            if (isState(pdu, MEMBER, userId)) {
                String previous = membership;
                membershipAtEvent = pdu.content().string("membership").orElse(null);
                membership = membershipAtEvent;
                // Synapse: you see your own leaving (or being banned) from a room you were in or invited to.
                if (("leave".equals(membershipAtEvent) || "ban".equals(membershipAtEvent))
                        && ("join".equals(previous) || "invite".equals(previous))) {
                    shown.add(pdu.eventId());
                    continue;
                }
            } else if (isState(pdu, VISIBILITY, "")) {
                visibility = HistoryVisibility.parse(pdu.content().string("history_visibility").orElse(null));
                atEvent = visibility.ordinal() < atEvent.ordinal() ? visibility : atEvent;
            }
            if (atEvent.allows(membershipAtEvent, stored.streamOrdering() < lastJoin)) {
                shown.add(pdu.eventId());
                if (!"join".equals(membershipAtEvent)) {
                    shownUnjoined.add(pdu.eventId());
                }
            }
        }
        List<StoredEvent> visible = page.stream().filter(e -> shown.contains(e.pdu().eventId())).toList();
        return shownUnjoined.isEmpty() ? visible : prunedIfErased(visible, shownUnjoined);
    }

    /**
     * Synapse's erasure: the events of senders who deactivated with {@code erase} are pruned (as redaction prunes
     * them, without a {@code redacted_because}) for readers who were not in the room when they were sent.
     */
    private List<StoredEvent> prunedIfErased(List<StoredEvent> visible, Set<String> shownUnjoined) {
        Set<String> senders = new HashSet<>();
        visible.stream().filter(e -> shownUnjoined.contains(e.pdu().eventId()))
                .forEach(e -> senders.add(e.pdu().sender()));
        Set<String> erasedSenders = erased.erasedAmong(senders);
        if (erasedSenders.isEmpty()) {
            return visible;
        }
        return visible.stream().map(e -> shownUnjoined.contains(e.pdu().eventId())
                && erasedSenders.contains(e.pdu().sender()) ? pruned(e) : e).toList();
    }

    private StoredEvent pruned(StoredEvent event) {
        Pdu pdu = event.pdu();
        RoomVersion version = access.version(pdu.roomId());
        return new StoredEvent(event.streamOrdering(), new Pdu(pdu.eventId(), Redaction.redact(pdu.json(), version)),
                event.redactedBy());
    }

    /**
     * Like {@link #visible}, for events scattered over rooms and time (search results): each event is judged on its
     * own, by the reader's membership and the room's visibility at that point, read from the histories of the
     * reader's member events and of the visibility, two queries for all rooms. Returns the ids of the visible events.
     */
    public Set<String> visibleIds(String userId, Collection<StoredEvent> scattered) {
        Set<String> roomIds = scattered.stream().map(e -> e.pdu().roomId()).collect(Collectors.toSet());
        Map<String, List<StoredEvent>> memberships = byRoom(events.stateHistory(roomIds, MEMBER, userId));
        Map<String, List<StoredEvent>> visibilities = byRoom(events.stateHistory(roomIds, VISIBILITY, ""));
        Set<String> shown = new HashSet<>();
        for (StoredEvent stored : scattered) {
            List<StoredEvent> member = memberships.getOrDefault(stored.pdu().roomId(), List.of());
            List<StoredEvent> visibility = visibilities.getOrDefault(stored.pdu().roomId(), List.of());
            long at = stored.streamOrdering();
            String membershipAtEvent = membershipOf(latest(member, at));
            boolean joinedNow = !member.isEmpty() && "join".equals(membershipOf(member.getLast()));
            long lastJoin = joinedNow ? Long.MAX_VALUE : member.stream().filter(e -> "join".equals(membershipOf(e)))
                    .mapToLong(StoredEvent::streamOrdering).max().orElse(0);
            HistoryVisibility atEvent = visibilityOf(Optional.ofNullable(latest(visibility, at - 1)));
            if (isState(stored.pdu(), VISIBILITY, "")) {
                HistoryVisibility now = visibilityOf(Optional.of(stored));
                atEvent = now.ordinal() < atEvent.ordinal() ? now : atEvent;
            }
            if (atEvent.allows(membershipAtEvent, at < lastJoin) || isOwnDeparture(stored, userId, member)) {
                shown.add(stored.pdu().eventId());
            }
        }
        return shown;
    }

    /**
     * The stretches of each room's stream whose events the user may see ({@link HistorySpans}: true of all events
     * but membership and visibility changes, which searches do not look for), from the same two histories as
     * {@link #visibleIds}, two queries for all rooms. Rooms where nothing is visible are left out.
     */
    public Map<String, List<HistorySpans.Span>> visibleSpans(String userId, Collection<String> roomIds) {
        Map<String, List<StoredEvent>> memberships = byRoom(events.stateHistory(roomIds, MEMBER, userId));
        Map<String, List<StoredEvent>> visibilities = byRoom(events.stateHistory(roomIds, VISIBILITY, ""));
        Map<String, List<HistorySpans.Span>> spans = new LinkedHashMap<>();
        for (String roomId : roomIds) {
            List<HistorySpans.Span> visible = HistorySpans.visible(
                    changes(memberships.get(roomId), "membership"),
                    changes(visibilities.get(roomId), "history_visibility"));
            if (!visible.isEmpty()) {
                spans.put(roomId, visible);
            }
        }
        return spans;
    }

    private static List<HistorySpans.Change> changes(List<StoredEvent> history, String key) {
        return history == null ? List.of() : history.stream()
                .map(e -> new HistorySpans.Change(e.streamOrdering(), e.pdu().content().string(key).orElse(null)))
                .toList();
    }

    /** Synapse's rule: readers see their own leaving (or being banned) from a room they were in or invited to. */
    private static boolean isOwnDeparture(StoredEvent stored, String userId, List<StoredEvent> memberHistory) {
        if (!isState(stored.pdu(), MEMBER, userId)) {
            return false;
        }
        String now = membershipOf(stored);
        String before = membershipOf(latest(memberHistory, stored.streamOrdering() - 1));
        return ("leave".equals(now) || "ban".equals(now)) && ("join".equals(before) || "invite".equals(before));
    }

    private static Map<String, List<StoredEvent>> byRoom(List<StoredEvent> history) {
        return history.stream().collect(Collectors.groupingBy(e -> e.pdu().roomId()));
    }

    /** The last of {@code history} (in stream order) at or before {@code atOrBefore}, or null. */
    private static StoredEvent latest(List<StoredEvent> history, long atOrBefore) {
        StoredEvent latest = null;
        for (StoredEvent e : history) {
            if (e.streamOrdering() > atOrBefore) {
                break;
            }
            latest = e;
        }
        return latest;
    }

    private static String membershipOf(StoredEvent member) {
        return member == null ? null : member.pdu().content().string("membership").orElse(null);
    }

    /** The stream ordering of the user's latest join to the room, or 0 if they never joined. */
    private long lastJoin(String roomId, String userId) {
        long atOrBefore = Long.MAX_VALUE;
        Optional<StoredEvent> member;
        while ((member = events.latestState(roomId, MEMBER, userId, atOrBefore)).isPresent()) {
            if ("join".equals(member.get().pdu().content().string("membership").orElse(null))) {
                return member.get().streamOrdering();
            }
            atOrBefore = member.get().streamOrdering() - 1;
        }
        return 0;
    }

    /**
     * Whether the user may read the room's history at all: joined, once a member (left or banned: what they saw
     * stays readable), or the room is world-readable. Invited and knocking users may not, as in Synapse.
     */
    public boolean mayRead(String roomId, String userId) {
        if (forgotten.isForgotten(userId, roomId)) {
            return false;
        }
        String membership = access.membership(roomId, userId).orElse(null);
        if ("join".equals(membership) || "leave".equals(membership) || "ban".equals(membership)) {
            return true;
        }
        return isWorldReadable(roomId);
    }

    /** Whether the room's history visibility is now {@code world_readable}: anyone may peek into it. */
    public boolean isWorldReadable(String roomId) {
        return visibilityOf(events.latestState(roomId, VISIBILITY, "", Long.MAX_VALUE))
                == HistoryVisibility.WORLD_READABLE;
    }

    private static HistoryVisibility visibilityOf(Optional<StoredEvent> event) {
        return HistoryVisibility.parse(event.flatMap(e -> e.pdu().content().string("history_visibility")).orElse(null));
    }

    private static boolean isState(Pdu pdu, String type, String stateKey) {
        return pdu.type().equals(type) && stateKey.equals(pdu.stateKey().orElse(null));
    }
}
