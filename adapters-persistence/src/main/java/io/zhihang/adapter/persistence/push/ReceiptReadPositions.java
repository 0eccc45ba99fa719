package io.zhihang.adapter.persistence.push;

import io.zhihang.application.port.in.userdata.ReadPositions;
import io.zhihang.application.port.in.userdata.RoomRead;
import io.zhihang.application.port.in.userdata.UserDataSyncQueries;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Push's read positions, from the read receipts (one query for any number of rooms). */
@ApplicationScoped
public class ReceiptReadPositions implements io.zhihang.application.port.out.push.ReadPositions {
    private final UserDataSyncQueries receipts;

    ReceiptReadPositions(UserDataSyncQueries receipts) {
        this.receipts = receipts;
    }

    @Override
    public long readUpTo(String userId, String roomId) {
        return room(userId, roomId).unthreaded();
    }

    @Override
    public Map<String, Long> threadsReadUpTo(String userId, String roomId) {
        return room(userId, roomId).threads();
    }

    @Override
    public Map<String, RoomReadUpTo> readUpTo(String userId, Collection<String> roomIds) {
        ReadPositions read = receipts.readPositions(userId, roomIds);
        Map<String, RoomReadUpTo> out = new LinkedHashMap<>();
        for (String roomId : roomIds) {
            RoomRead room = read.room(roomId);
            out.put(roomId, new RoomReadUpTo(room.unthreaded(), room.threads()));
        }
        return out;
    }

    private RoomRead room(String userId, String roomId) {
        return receipts.readPositions(userId, List.of(roomId)).room(roomId);
    }
}
