package io.zhihang.application.service.room;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.room.DirectoryVisibility;
import io.zhihang.application.port.in.room.PublicRoomQueries;
import io.zhihang.application.port.in.room.PublicRoomsPage;
import io.zhihang.application.port.in.room.PublicRoomsQuery;
import io.zhihang.application.port.in.room.PublishRoomUseCase;
import io.zhihang.application.port.out.room.RoomRecord;
import io.zhihang.application.port.out.room.RoomRepository;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** The public room directory: publishing rooms and listing them. */
@ApplicationScoped
public class RoomDirectoryService implements PublishRoomUseCase, PublicRoomQueries {
    private final RoomRepository rooms;
    private final RoomAccess access;
    private final PublicRoomList list;
    private final HomeserverSettings settings;

    public RoomDirectoryService(RoomRepository rooms, RoomAccess access, PublicRoomList list,
                                HomeserverSettings settings) {
        this.rooms = rooms;
        this.access = access;
        this.list = list;
        this.settings = settings;
    }

    @Override
    @Transactional
    public void setVisibility(Requester requester, String roomId, DirectoryVisibility visibility) {
        room(roomId);
        access.directoryPolicy(requester, roomId).mayChangeRoomList().ensureAllowed();
        rooms.setPublished(roomId, visibility == DirectoryVisibility.PUBLIC);
    }

    @Override
    @Transactional
    public DirectoryVisibility visibility(String roomId) {
        return room(roomId).published() ? DirectoryVisibility.PUBLIC : DirectoryVisibility.PRIVATE;
    }

    /**
     * This server's list. Other servers' lists would need federation; application service networks have no rooms
     * here, so a request for one network gets an empty list.
     */
    @Override
    @Transactional
    public PublicRoomsPage publicRooms(PublicRoomsQuery query) {
        if (query.server() != null && !query.server().equals(settings.serverName().value())) {
            throw DomainException.invalidParam("This server cannot list the rooms of " + query.server()
                    + ": federation is not supported");
        }
        if (query.thirdPartyInstanceId() != null) {
            return new PublicRoomsPage(List.of(), null, null, 0);
        }
        return PublicRoomsPager.page(list.listed(query.searchTerm(), query.roomTypes()), query.since(),
                query.limit());
    }

    private RoomRecord room(String roomId) {
        return rooms.find(roomId).orElseThrow(() -> DomainException.notFound("Room not found"));
    }
}
