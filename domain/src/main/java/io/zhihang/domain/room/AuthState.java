package io.zhihang.domain.room;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The room state an event is authorised against: state events by {@link StateKey}. It holds at least what
 * {@link #requiredStateFor} names (create, power levels, the sender's and the target's membership, join rules, …);
 * more does no harm. In v12 the create event is not among an event's {@code auth_events} but must be here all the same
 * (the room id names it).
 */
public record AuthState(Map<StateKey, Pdu> events) {

    public AuthState {
        events = Map.copyOf(events);
        events.forEach((key, event) -> {
            if (!key.equals(StateKey.of(event))) {
                throw new IllegalArgumentException("State key " + key + " does not match event " + event.eventId());
            }
        });
    }

    public static AuthState empty() {
        return new AuthState(Map.of());
    }

    /**
     * The state made of these state events.
     *
     * @throws IllegalArgumentException if an event is not a state event, or two different events have the same key
     */
    public static AuthState of(Collection<Pdu> stateEvents) {
        Map<StateKey, Pdu> byKey = new LinkedHashMap<>();
        for (Pdu event : stateEvents) {
            Pdu previous = byKey.put(StateKey.of(event), event);
            if (previous != null && !previous.eventId().equals(event.eventId())) {
                throw new IllegalArgumentException("Two state events for " + StateKey.of(event) + ": "
                        + previous.eventId() + " and " + event.eventId());
            }
        }
        return new AuthState(byKey);
    }

    /** This state with {@code stateEvent} replacing whatever had its key (the state after a state event). */
    public AuthState with(Pdu stateEvent) {
        Map<StateKey, Pdu> next = new LinkedHashMap<>(events);
        next.put(StateKey.of(stateEvent), stateEvent);
        return new AuthState(next);
    }

    public Optional<Pdu> get(StateKey key) {
        return Optional.ofNullable(events.get(key));
    }

    public Optional<Pdu> create() {
        return get(StateKey.CREATE);
    }

    public Optional<Pdu> powerLevelsEvent() {
        return get(StateKey.POWER_LEVELS);
    }

    public Optional<Pdu> joinRulesEvent() {
        return get(StateKey.JOIN_RULES);
    }

    public Optional<Pdu> member(String userId) {
        return get(StateKey.member(userId));
    }

    /** The user's current membership; empty if they have none (as good as {@code leave}) or an unknown one. */
    public Optional<Membership> membershipOf(String userId) {
        return member(userId).flatMap(m -> m.content().string("membership")).flatMap(Membership::parse);
    }

    public boolean hasMembership(String userId, Membership membership) {
        return membershipOf(userId).filter(membership::equals).isPresent();
    }

    /**
     * The room's join rule as this room version understands it. No join rules event, or one without
     * {@code join_rule}, means {@code invite} (as in Synapse); an unknown rule, or one the version does not support,
     * is empty.
     */
    public Optional<JoinRule> joinRule(RoomVersion version) {
        Optional<Pdu> event = joinRulesEvent();
        if (event.isEmpty() || !event.get().content().has("join_rule")) {
            return Optional.of(JoinRule.INVITE);
        }
        return event.get().content().string("join_rule").flatMap(JoinRule::parse)
                .filter(rule -> rule.isSupportedBy(version));
    }

    /** The room's creators per {@link #creatorsOf}; empty without a create event. */
    public Set<String> creators(RoomVersion version) {
        return create().map(c -> creatorsOf(c, version)).orElse(Set.of());
    }

    /**
     * A room's creators from its create event: {@code content.creator} before v11, the {@code sender} from v11, plus
     * the valid user ids in {@code content.additional_creators} from v12.
     */
    public static Set<String> creatorsOf(Pdu create, RoomVersion version) {
        JsonObject content = create.content();
        if (!version.implicitRoomCreator()) {
            return content.string("creator").map(Set::of).orElse(Set.of());
        }
        Set<String> creators = new LinkedHashSet<>();
        create.json().string("sender").ifPresent(creators::add);
        if (version.privilegedCreators()) {
            content.array("additional_creators").ifPresent(list -> list.items().forEach(item -> {
                if (item instanceof JsonString s && Ids.isValidUserId(s.value())) {
                    creators.add(s.value());
                }
            }));
        }
        return creators;
    }

    /** The power levels in force: from the power levels event, else the defaults for the version. */
    public PowerLevels powerLevels(RoomVersion version) {
        Set<String> creators = creators(version);
        return powerLevelsEvent()
                .map(pl -> PowerLevels.fromContent(pl.content(), version, creators))
                .orElseGet(() -> PowerLevels.defaults(version, creators));
    }

    /** The state keys an event's {@code auth_events} are selected from (server-server API, "Auth events selection"). */
    public static Set<StateKey> authTypesFor(Pdu event, RoomVersion version) {
        return authTypesFor(event.type(), event.sender(), event.stateKey(), event.content(), version);
    }

    /**
     * The auth events selection for an event being built: nothing for {@code m.room.create}; else the create event
     * (before v12 only), the power levels, the sender's membership, and for {@code m.room.member} the target's
     * membership, the join rules (join, invite, knock), the third-party invite named by
     * {@code third_party_invite.signed.token} (invite), and the membership of {@code join_authorised_via_users_server}
     * (join, v8+).
     */
    public static Set<StateKey> authTypesFor(String type, String sender, Optional<String> stateKey,
                                             JsonObject content, RoomVersion version) {
        Set<StateKey> keys = new LinkedHashSet<>();
        if (type.equals(RoomEventTypes.CREATE)) {
            return keys;
        }
        if (!version.roomIdFromCreateEvent()) {
            keys.add(StateKey.CREATE);
        }
        keys.add(StateKey.POWER_LEVELS);
        keys.add(StateKey.member(sender));
        if (type.equals(RoomEventTypes.MEMBER)) {
            Optional<Membership> membership = content.string("membership").flatMap(Membership::parse);
            if (membership.filter(m -> m == Membership.JOIN || m == Membership.INVITE || m == Membership.KNOCK)
                    .isPresent()) {
                keys.add(StateKey.JOIN_RULES);
            }
            stateKey.ifPresent(target -> keys.add(StateKey.member(target)));
            if (membership.filter(Membership.INVITE::equals).isPresent()) {
                thirdPartyInviteToken(content).ifPresent(token -> keys.add(StateKey.thirdPartyInvite(token)));
            }
            if (version.restrictedJoinRule() && membership.filter(Membership.JOIN::equals).isPresent()) {
                content.string(EventAuthRules.AUTHORISING_USER)
                        .ifPresent(authoriser -> keys.add(StateKey.member(authoriser)));
            }
        }
        return keys;
    }

    /** What {@link EventAuthRules#check} needs in the state: the auth events selection, and the create event. */
    public static Set<StateKey> requiredStateFor(Pdu event, RoomVersion version) {
        Set<StateKey> keys = new LinkedHashSet<>();
        if (!event.type().equals(RoomEventTypes.CREATE)) {
            keys.add(StateKey.CREATE);
        }
        keys.addAll(authTypesFor(event, version));
        return keys;
    }

    static Optional<String> thirdPartyInviteToken(JsonObject memberContent) {
        return memberContent.object("third_party_invite")
                .flatMap(invite -> invite.object("signed"))
                .flatMap(signed -> signed.string("token"));
    }
}
