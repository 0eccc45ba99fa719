package io.zhihang.adapter.persistence.room;

import io.zhihang.application.port.out.room.ForgottenRooms;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PanacheForgottenRooms implements ForgottenRooms {
    private final ForgottenRoomPanacheRepo repo;

    PanacheForgottenRooms(ForgottenRoomPanacheRepo repo) {
        this.repo = repo;
    }

    @Override
    public void forget(String userId, String roomId) {
        if (!isForgotten(userId, roomId)) {
            ForgottenRoomEntity e = new ForgottenRoomEntity();
            e.userId = userId;
            e.roomId = roomId;
            repo.persist(e);
        }
    }

    @Override
    public void remember(String userId, String roomId) {
        repo.deleteById(new ForgottenRoomKey(userId, roomId));
    }

    @Override
    public boolean isForgotten(String userId, String roomId) {
        return repo.findByIdOptional(new ForgottenRoomKey(userId, roomId)).isPresent();
    }
}
