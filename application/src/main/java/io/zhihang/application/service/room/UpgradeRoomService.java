package io.zhihang.application.service.room;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.config.RoomSettings;
import io.zhihang.application.port.in.room.UpgradeRoomUseCase;
import io.zhihang.application.port.out.IdGenerator;
import io.zhihang.application.port.out.room.AliasRepository;
import io.zhihang.application.port.out.room.RoomRecord;
import io.zhihang.application.port.out.room.RoomRepository;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.event.EventDraft;
import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.room.CanonicalAliases;
import io.zhihang.domain.room.RoomBlueprint;
import io.zhihang.domain.room.RoomUpgrade;
import io.zhihang.domain.room.StateKey;
import io.zhihang.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /rooms/{roomId}/upgrade}, in Synapse's steps and in one transaction: the tombstone in the old room (whose
 * authorisation is the permission check), the replacement with the transferable state and the bans, the aliases and
 * the directory entry moved over, the old room quietened, and the upgrader's level in the new room restored.
 */
@ApplicationScoped
public class UpgradeRoomService implements UpgradeRoomUseCase {
    private static final String POWER_LEVELS = StateKey.POWER_LEVELS.type();

    private final RoomRepository rooms;
    private final AliasRepository aliases;
    private final RoomAccess access;
    private final RoomWriter writer;
    private final MemberProfiles profiles;
    private final IdGenerator ids;
    private final HomeserverSettings settings;
    private final RoomSettings roomSettings;
    private final InstantSource clock;

    public UpgradeRoomService(RoomRepository rooms, AliasRepository aliases, RoomAccess access, RoomWriter writer,
                              MemberProfiles profiles, IdGenerator ids, HomeserverSettings settings,
                              RoomSettings roomSettings, InstantSource clock) {
        this.rooms = rooms;
        this.aliases = aliases;
        this.access = access;
        this.writer = writer;
        this.profiles = profiles;
        this.ids = ids;
        this.settings = settings;
        this.roomSettings = roomSettings;
        this.clock = clock;
    }

    @Override
    @Transactional
    public String upgrade(Requester requester, String oldRoomId, String newVersion) {
        RoomVersion version = roomSettings.versionFor(newVersion);
        Instant now = clock.instant();
        String upgrader = requester.userId().toString();
        RoomRecord old = rooms.lock(oldRoomId).orElseThrow(() -> DomainException.notFound("Unknown room " + oldRoomId));
        Optional<String> retried = replacementOfRetry(oldRoomId, upgrader, version, now);
        if (retried.isPresent()) {
            return retried.get();
        }
        Optional<JsonObject> powerLevels = access.stateContent(oldRoomId, StateKey.POWER_LEVELS)
                .map(content -> RoomUpgrade.normalisedPowerLevels(content, old.version()));
        if (version.privilegedCreators()) {
            powerLevels = powerLevels.map(levels -> RoomUpgrade.withoutUser(levels, upgrader));
        }
        String newRoomId;
        if (version.roomIdFromCreateEvent()) {
            // v12: the new room's id is its create event's hash, so that event comes first and names no tombstone.
            List<EventDraft> drafts = replacementEvents(requester, old, version, null, powerLevels);
            Pdu create = writer.mintCreateEvent(version, drafts.getFirst(), now);
            newRoomId = create.roomId();
            appendTombstone(old, upgrader, newRoomId, now);
            RoomRecord room = writer.appendMinted(open(newRoomId, version, upgrader, old.published(), now), create)
                    .room();
            appendAll(room, drafts.subList(1, drafts.size()), now);
        } else {
            newRoomId = "!" + ids.roomIdLocalpart() + ":" + settings.serverName().value();
            String tombstone = appendTombstone(old, upgrader, newRoomId, now);
            appendAll(open(newRoomId, version, upgrader, old.published(), now),
                    replacementEvents(requester, old, version, tombstone, powerLevels), now);
        }
        transferBans(upgrader, oldRoomId, newRoomId, now);
        moveAliases(upgrader, oldRoomId, newRoomId, now);
        if (old.published()) {
            rooms.setPublished(oldRoomId, false);
        }
        powerLevels.ifPresent(levels -> settlePowerLevels(upgrader, oldRoomId, newRoomId, levels, now));
        return newRoomId;
    }

    private String appendTombstone(RoomRecord old, String upgrader, String newRoomId, Instant now) {
        return writer.appendLocked(old, EventDraft.state(RoomUpgrade.TOMBSTONE, "", upgrader,
                RoomUpgrade.tombstone(newRoomId)), now).pdu().eventId();
    }

    private RoomRecord open(String roomId, RoomVersion version, String creator, boolean published, Instant now) {
        rooms.create(new RoomRecord(roomId, version, creator, published, null, 0, now));
        return rooms.lock(roomId).orElseThrow();
    }

    private void appendAll(RoomRecord room, List<EventDraft> drafts, Instant now) {
        for (EventDraft draft : drafts) {
            room = writer.appendLocked(room, draft, now).room();
        }
    }

    /** The old room now needs a moderator to talk; in the new room the upgrader gets their old level back. */
    private void settlePowerLevels(String upgrader, String oldRoomId, String newRoomId, JsonObject levels,
                                   Instant now) {
        RoomUpgrade.restrictedOldRoom(levels).ifPresent(restricted ->
                writer.appendIfAllowed(oldRoomId, EventDraft.state(POWER_LEVELS, "", upgrader, restricted), now));
        if (!liftedFor(levels, upgrader, access.version(newRoomId)).equals(levels)) {
            writer.append(newRoomId, EventDraft.state(POWER_LEVELS, "", upgrader, levels), now);
        }
    }

    /** The replacement made moments ago by the same user, when this request repeats theirs. */
    private Optional<String> replacementOfRetry(String oldRoomId, String upgrader, RoomVersion version, Instant now) {
        return access.stateEvent(oldRoomId, RoomUpgrade.TOMBSTONE_KEY)
                .filter(tombstone -> RoomUpgrade.isRetry(tombstone, upgrader, now))
                .flatMap(tombstone -> tombstone.content().string("replacement_room"))
                .filter(replacement -> rooms.find(replacement).filter(r -> r.version().equals(version)).isPresent());
    }

    /**
     * The new room's initial events, create event first: a private chat made of the old room's transferable state,
     * the upgrader lifted if needed (from v12 the upgrader is its creator and needs no level).
     */
    private List<EventDraft> replacementEvents(Requester requester, RoomRecord old, RoomVersion version,
                                               String tombstone, Optional<JsonObject> powerLevels) {
        String upgrader = requester.userId().toString();
        Map<StateKey, JsonObject> state = access.stateContents(old.roomId(), RoomUpgrade.TRANSFERABLE_STATE.stream()
                .map(type -> new StateKey(type, "")).toList());
        List<EventDraft> initialState = RoomUpgrade.TRANSFERABLE_STATE.stream()
                .filter(type -> state.containsKey(new StateKey(type, "")))
                .map(type -> EventDraft.state(type, "", upgrader, type.equals(POWER_LEVELS)
                        ? liftedFor(powerLevels.orElseThrow(), upgrader, version)
                        : state.get(new StateKey(type, ""))))
                .toList();
        JsonObject creationContent = RoomUpgrade.creationContent(
                access.stateContent(old.roomId(), StateKey.CREATE).orElse(JsonObject.EMPTY), old.roomId(), tombstone);
        RoomBlueprint blueprint = new RoomBlueprint(version, upgrader, RoomBlueprint.PRIVATE_CHAT, null,
                creationContent, null, null, null, null, List.of(), false, initialState,
                profiles.joinContent(requester.userId()));

        return blueprint.initialEvents();
    }

    private static JsonObject liftedFor(JsonObject powerLevels, String upgrader, RoomVersion version) {
        return version.privilegedCreators() ? powerLevels : RoomUpgrade.raisedFor(powerLevels, upgrader);
    }

    /** Banned users stay banned (as far as the upgrader's power reaches). */
    private void transferBans(String upgrader, String oldRoomId, String newRoomId, Instant now) {
        List<StateKey> banned = access.bannedMembers(oldRoomId).stream().map(StateKey::member).toList();
        access.stateContents(oldRoomId, banned).forEach((member, content) -> writer.appendIfAllowed(newRoomId,
                EventDraft.state(member.type(), member.stateKey(), upgrader, content), now));
    }

    /** This server's aliases now lead to the new room, and the canonical alias event follows them there. */
    private void moveAliases(String upgrader, String oldRoomId, String newRoomId, Instant now) {
        aliases.repoint(oldRoomId, newRoomId);
        access.stateContent(oldRoomId, RoomAliasService.CANONICAL_ALIAS)
                .map(content -> CanonicalAliases.splitForUpgrade(content, settings.serverName()))
                .filter(split -> split.moved().size() > 0)
                .ifPresent(split -> {
                    String type = RoomAliasService.CANONICAL_ALIAS.type();
                    writer.appendIfAllowed(oldRoomId, EventDraft.state(type, "", upgrader, split.kept()), now);
                    writer.appendIfAllowed(newRoomId, EventDraft.state(type, "", upgrader, split.moved()), now);
                });
    }
}
