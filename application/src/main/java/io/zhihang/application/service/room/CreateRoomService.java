package io.zhihang.application.service.room;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.config.RoomSettings;
import io.zhihang.application.port.in.room.CreateRoomCommand;
import io.zhihang.application.port.in.room.CreateRoomUseCase;
import io.zhihang.application.port.in.room.CreatedRoom;
import io.zhihang.application.port.out.IdGenerator;
import io.zhihang.application.port.out.room.AliasRepository;
import io.zhihang.application.port.out.room.RoomRecord;
import io.zhihang.application.port.out.room.RoomRepository;
import io.zhihang.domain.event.EventDraft;
import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.room.RoomBlueprint;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.RoomAlias;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/** {@code POST /createRoom}: the initial events in Synapse's order, each built, authorised and signed like any other. */
@ApplicationScoped
public class CreateRoomService implements CreateRoomUseCase {
    private final RoomRepository rooms;
    private final AliasRepository aliases;
    private final RoomWriter writer;
    private final MemberProfiles profiles;
    private final IdGenerator ids;
    private final HomeserverSettings settings;
    private final RoomSettings roomSettings;
    private final InstantSource clock;

    public CreateRoomService(RoomRepository rooms, AliasRepository aliases, RoomWriter writer, MemberProfiles profiles,
                             IdGenerator ids, HomeserverSettings settings, RoomSettings roomSettings,
                             InstantSource clock) {
        this.rooms = rooms;
        this.aliases = aliases;
        this.writer = writer;
        this.profiles = profiles;
        this.ids = ids;
        this.settings = settings;
        this.roomSettings = roomSettings;
        this.clock = clock;
    }

    @Override
    @Transactional
    public CreatedRoom create(CreateRoomCommand command) {
        Instant now = clock.instant();
        RoomVersion version = roomSettings.versionFor(command.roomVersion());
        String creator = command.requester().userId().toString();
        List<UserId> invitees = command.invite().stream().map(CreateRoomService::userId).toList();
        String alias = command.roomAliasName() == null ? null
                : new RoomAlias(command.roomAliasName(), settings.serverName()).toString();
        if (alias != null && aliases.roomOf(alias).isPresent()) {
            throw new DomainException(ErrorKind.ROOM_IN_USE, "Room alias already taken");
        }
        RoomBlueprint blueprint = new RoomBlueprint(version, creator, command.preset(), command.visibility(),
                command.creationContent(), command.powerLevelContentOverride(), command.name(), command.topic(),
                alias, invitees.stream().map(UserId::toString).toList(), command.isDirect(),
                command.initialState().stream()
                        .map(s -> EventDraft.state(s.type(), s.stateKey(), creator, s.content())).toList(),
                profiles.joinContent(command.requester().userId()));
        List<EventDraft> drafts = blueprint.initialEvents().stream().map(this::withInviteeProfile).toList();
        Pdu create = version.roomIdFromCreateEvent() ? writer.mintCreateEvent(version, drafts.getFirst(), now) : null;
        String roomId = create != null ? create.roomId()
                : "!" + ids.roomIdLocalpart() + ":" + settings.serverName().value();
        rooms.create(new RoomRecord(roomId, version, creator, "public".equals(command.visibility()), null, 0, now));
        RoomRecord room = rooms.lock(roomId).orElseThrow();
        if (create != null) {
            room = writer.appendMinted(room, create).room();
            drafts = drafts.subList(1, drafts.size());
        }
        for (EventDraft draft : drafts) {
            room = writer.appendLocked(room, draft, now).room();
        }
        if (alias != null && !aliases.create(alias, roomId, creator)) {
            throw new DomainException(ErrorKind.ROOM_IN_USE, "Room alias already taken");
        }
        return new CreatedRoom(roomId, alias);
    }

    /** An invite among the initial events carries the invitee's profile, as {@code /invite}'s does. */
    private EventDraft withInviteeProfile(EventDraft draft) {
        if (!"m.room.member".equals(draft.type())
                || !"invite".equals(draft.content().string("membership").orElse(null))) {
            return draft;
        }
        return EventDraft.state(draft.type(), draft.stateKey(), draft.sender(),
                profiles.inviteContent(UserId.parse(draft.stateKey()), draft.content().toBuilder()));
    }

    private static UserId userId(String raw) {
        try {
            return UserId.parse(raw);
        } catch (DomainException e) {
            throw DomainException.invalidParam("Invalid user id to invite: " + raw);
        }
    }
}
