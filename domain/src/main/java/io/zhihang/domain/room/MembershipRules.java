package io.zhihang.domain.room;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.JsonObject;

import java.util.List;
import java.util.Optional;

/** Rule 4 of v10/v11 (5 of v12): {@code m.room.member} events. */
final class MembershipRules {
    private MembershipRules() {
    }

    static Decision check(Pdu event, AuthState state, PowerLevels levels, Pdu create, RoomVersion version) {
        Optional<String> target = event.stateKey();
        Optional<String> wireMembership = event.content().string("membership");
        if (target.isEmpty() || !event.content().has("membership")) {
            return Decision.deny("A member event needs a state_key and content.membership");
        }
        Optional<Membership> known = wireMembership.flatMap(Membership::parse);
        if (known.isPresent() && !known.get().isSupportedBy(version)) {
            return Decision.deny("Room version " + version.id() + " does not support the membership "
                    + wireMembership.get());
        }
        if (known.isEmpty()) {
            return Decision.deny("Unknown membership " + wireMembership.orElseGet(
                    () -> CanonicalJson.encode(event.content().get("membership").orElseThrow())));
        }
        String sender = event.sender();
        Member change = new Member(event, sender, target.get(), state, levels);
        return switch (known.get()) {
            case JOIN -> join(change, create, version);
            case INVITE -> invite(change);
            case LEAVE -> leave(change);
            case BAN -> ban(change);
            case KNOCK -> knock(change, version);
        };
    }

    /** The parts of a membership change the rules look at. */
    private record Member(Pdu event, String sender, String target, AuthState state, PowerLevels levels) {
        boolean senderIs(Membership m) {
            return state.hasMembership(sender, m);
        }

        boolean targetIs(Membership m) {
            return state.hasMembership(target, m);
        }

        long senderLevel() {
            return levels.userLevel(sender);
        }

        long targetLevel() {
            return levels.userLevel(target);
        }
    }

    /** Rule 4.3. */
    private static Decision join(Member m, Pdu create, RoomVersion version) {
        if (m.event.prevEvents().equals(List.of(create.eventId())) && isCreator(m.target, create, version)) {
            return Decision.allow();
        }
        if (!m.sender.equals(m.target)) {
            return Decision.deny("Cannot make another user join");
        }
        if (m.senderIs(Membership.BAN)) {
            return Decision.deny(m.sender + " is banned from the room");
        }
        Optional<JoinRule> rule = m.state.joinRule(version);
        if (rule.isEmpty()) {
            return Decision.deny("The room's join rule is not one this room version knows");
        }
        boolean invitedOrJoined = m.senderIs(Membership.INVITE) || m.senderIs(Membership.JOIN);
        return switch (rule.get()) {
            case PUBLIC -> Decision.allow();
            case INVITE, KNOCK -> invitedOrJoined ? Decision.allow()
                    : Decision.deny(m.sender + " is not invited to this room");
            case RESTRICTED, KNOCK_RESTRICTED -> invitedOrJoined ? Decision.allow() : restrictedJoin(m);
            case PRIVATE -> Decision.deny("Nobody may join a room whose join rule is private");
        };
    }

    /** Rule 4.3.5.2: a restricted join names a joined user who may invite. */
    private static Decision restrictedJoin(Member m) {
        Optional<String> authoriser = m.event.content().string(EventAuthRules.AUTHORISING_USER);
        if (authoriser.isEmpty()) {
            return Decision.deny("A restricted join needs " + EventAuthRules.AUTHORISING_USER);
        }
        if (!m.state.hasMembership(authoriser.get(), Membership.JOIN)) {
            return Decision.deny("The authorising user " + authoriser.get() + " is not in the room");
        }
        if (!m.levels.userCanInvite(authoriser.get())) {
            return Decision.deny("The authorising user " + authoriser.get() + " may not invite");
        }
        return Decision.allow();
    }

    /** The "creator's first join" of rule 4.3.1: {@code content.creator} before v11, the create sender from v11. */
    private static boolean isCreator(String userId, Pdu create, RoomVersion version) {
        Optional<String> creator = version.implicitRoomCreator()
                ? create.json().string("sender")
                : create.content().string("creator");
        return creator.filter(userId::equals).isPresent();
    }

    /** Rule 4.4. */
    private static Decision invite(Member m) {
        if (m.event.content().has("third_party_invite")) {
            return thirdPartyInvite(m);
        }
        if (!m.senderIs(Membership.JOIN)) {
            return Decision.deny(m.sender + " is not in the room");
        }
        if (m.targetIs(Membership.JOIN)) {
            return Decision.deny(m.target + " is already in the room");
        }
        if (m.targetIs(Membership.BAN)) {
            return Decision.deny(m.target + " is banned from the room");
        }
        return m.levels.userCanInvite(m.sender) ? Decision.allow()
                : Decision.deny("Your power level " + m.senderLevel() + " is below the invite level "
                + m.levels.invite());
    }

    /**
     * Rule 4.4.1. The checks that need no cryptography are made for their reasons; an invite that passes them is still
     * refused, because this server does not verify the identity server's signature (rule 4.4.1.7).
     */
    private static Decision thirdPartyInvite(Member m) {
        if (m.targetIs(Membership.BAN)) {
            return Decision.deny(m.target + " is banned from the room");
        }
        Optional<JsonObject> signed = m.event.content().object("third_party_invite")
                .flatMap(invite -> invite.object("signed"));
        if (signed.isEmpty()) {
            return Decision.deny("The third-party invite is not signed");
        }
        Optional<String> mxid = signed.get().string("mxid");
        Optional<String> token = signed.get().string("token");
        if (mxid.isEmpty() || token.isEmpty()) {
            return Decision.deny("The signed third-party invite lacks mxid or token");
        }
        if (!mxid.get().equals(m.target)) {
            return Decision.deny("The third-party invite is for " + mxid.get() + ", not " + m.target);
        }
        Optional<Pdu> invite = m.state.get(StateKey.thirdPartyInvite(token.get()));
        if (invite.isEmpty()) {
            return Decision.deny("No m.room.third_party_invite for the token");
        }
        if (!m.sender.equals(invite.get().sender())) {
            return Decision.deny("The third-party invite was made by another user");
        }
        return Decision.deny("Third-party invites are not supported");
    }

    /** Rule 4.5: leaving, rejecting an invite, rescinding a knock, kicking, unbanning. */
    private static Decision leave(Member m) {
        if (m.sender.equals(m.target)) {
            boolean canLeave = m.senderIs(Membership.JOIN) || m.senderIs(Membership.INVITE)
                    || m.senderIs(Membership.KNOCK);
            return canLeave ? Decision.allow() : Decision.deny(m.sender + " is not in, invited to or knocking on the room");
        }
        if (!m.senderIs(Membership.JOIN)) {
            return Decision.deny(m.sender + " is not in the room");
        }
        if (m.targetIs(Membership.BAN) && m.senderLevel() < m.levels.ban()) {
            return Decision.deny("Unbanning needs power level " + m.levels.ban() + "; yours is " + m.senderLevel());
        }
        if (m.senderLevel() < m.levels.kick()) {
            return Decision.deny("Kicking needs power level " + m.levels.kick() + "; yours is " + m.senderLevel());
        }
        if (m.targetLevel() >= m.senderLevel()) {
            return Decision.deny("Cannot kick " + m.target + ", whose power level is not below yours");
        }
        return Decision.allow();
    }

    /** Rule 4.6. */
    private static Decision ban(Member m) {
        if (!m.senderIs(Membership.JOIN)) {
            return Decision.deny(m.sender + " is not in the room");
        }
        if (m.senderLevel() < m.levels.ban()) {
            return Decision.deny("Banning needs power level " + m.levels.ban() + "; yours is " + m.senderLevel());
        }
        if (m.targetLevel() >= m.senderLevel()) {
            return Decision.deny("Cannot ban " + m.target + ", whose power level is not below yours");
        }
        return Decision.allow();
    }

    /** Rule 4.7. */
    private static Decision knock(Member m, RoomVersion version) {
        Optional<JoinRule> rule = m.state.joinRule(version);
        if (rule.filter(r -> r == JoinRule.KNOCK || r == JoinRule.KNOCK_RESTRICTED).isEmpty()) {
            return Decision.deny("The room's join rule does not allow knocking");
        }
        if (!m.sender.equals(m.target)) {
            return Decision.deny("Cannot knock for another user");
        }
        if (m.senderIs(Membership.BAN)) {
            return Decision.deny(m.sender + " is banned from the room");
        }
        if (m.senderIs(Membership.INVITE)) {
            return Decision.deny(m.sender + " is already invited");
        }
        if (m.senderIs(Membership.JOIN)) {
            return Decision.deny(m.sender + " is already in the room");
        }
        return Decision.allow();
    }
}
