package io.zhihang.application.service.room;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.room.ManageRoomAliasesUseCase;
import io.zhihang.application.port.in.room.RoomAliasQueries;
import io.zhihang.application.port.out.room.AliasRepository;
import io.zhihang.application.port.out.room.RoomRepository;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.event.EventDraft;
import io.zhihang.domain.room.CanonicalAliases;
import io.zhihang.domain.room.RoomDirectoryPolicy;
import io.zhihang.domain.room.StateKey;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.RoomAlias;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** This server's room aliases: adding, deleting, resolving and listing them (Synapse's directory handler). */
@ApplicationScoped
public class RoomAliasService implements ManageRoomAliasesUseCase, RoomAliasQueries {
    static final StateKey CANONICAL_ALIAS = new StateKey(RoomDirectoryPolicy.CANONICAL_ALIAS, "");
    private static final StateKey HISTORY_VISIBILITY = new StateKey("m.room.history_visibility", "");

    private final AliasRepository aliases;
    private final RoomRepository rooms;
    private final RoomAccess access;
    private final RoomWriter writer;
    private final HomeserverSettings settings;
    private final InstantSource clock;

    public RoomAliasService(AliasRepository aliases, RoomRepository rooms, RoomAccess access, RoomWriter writer,
                            HomeserverSettings settings, InstantSource clock) {
        this.aliases = aliases;
        this.rooms = rooms;
        this.access = access;
        this.writer = writer;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void create(Requester requester, String rawAlias, String roomId) {
        RoomAlias alias = RoomAlias.parseNew(rawAlias, settings.serverName());
        if (rooms.find(roomId).isEmpty()) {
            throw new DomainException(ErrorKind.UNKNOWN, "Room does not exist");
        }
        access.directoryPolicy(requester, roomId).mayCreateAlias().ensureAllowed();
        if (!aliases.create(alias.toString(), roomId, requester.userId().toString())) {
            throw new DomainException(ErrorKind.CONFLICT, "Room alias " + alias + " already exists");
        }
    }

    /** Deletes the alias, and takes it out of the room's canonical alias event if the requester may change that. */
    @Override
    @Transactional
    public void delete(Requester requester, String rawAlias) {
        String alias = RoomAlias.parse(rawAlias).toString();
        String roomId = roomOf(alias);
        access.directoryPolicy(requester, roomId).mayDeleteAlias(aliases.creatorOf(alias).orElse(null))
                .ensureAllowed();
        aliases.delete(alias);
        access.stateContent(roomId, CANONICAL_ALIAS)
                .flatMap(content -> CanonicalAliases.without(content, alias))
                .ifPresent(content -> writer.appendIfAllowed(roomId, EventDraft.state(CANONICAL_ALIAS.type(), "",
                        requester.userId().toString(), content), clock.instant()));
    }

    @Override
    @Transactional
    public ResolvedAlias resolve(String rawAlias) {
        String roomId = roomOf(RoomAlias.parse(rawAlias).toString());
        return new ResolvedAlias(roomId, servers(roomId));
    }

    @Override
    @Transactional
    public List<String> localAliases(Requester requester, String roomId) {
        if (rooms.find(roomId).isEmpty()) {
            if (requester.admin()) {
                return List.of();
            }
            throw DomainException.forbidden("You are not a member of the room.");
        }
        String visibility = access.stateContent(roomId, HISTORY_VISIBILITY)
                .flatMap(content -> content.string("history_visibility")).orElse(null);
        access.directoryPolicy(requester, roomId).mayListAliases(visibility).ensureAllowed();
        return aliases.aliasesOf(roomId);
    }

    /** Only this server's aliases are known: remote ones would need federation. */
    private String roomOf(String alias) {
        return aliases.roomOf(alias).orElseThrow(() -> DomainException.notFound("Room alias " + alias + " not found"));
    }

    /** This server first, then the servers of the other joined members (Synapse's order). */
    private List<String> servers(String roomId) {
        Set<String> servers = new LinkedHashSet<>();
        servers.add(settings.serverName().value());
        access.joinedMembers(roomId).forEach(userId -> servers.add(userId.substring(userId.indexOf(':') + 1)));
        return List.copyOf(servers);
    }
}
