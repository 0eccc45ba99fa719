package io.zhihang.application.service.lifecycle;

import io.zhihang.application.port.in.room.CreateRoomCommand;
import io.zhihang.application.port.in.room.CreateRoomUseCase;
import io.zhihang.application.port.out.userdata.AccountDataRepository;
import io.zhihang.application.service.room.RoomAccess;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one-to-one room of two users, as clients find it: a room listed for the other user in the requester's
 * {@code m.direct} account data that the requester is in and the other user is in or invited to. Without one, a
 * {@code trusted_private_chat} room with {@code is_direct} is made, the other user invited, and {@code m.direct}
 * updated, as Element does.
 */
@ApplicationScoped
public class DirectRooms {
    private static final String DIRECT = "m.direct";
    private static final Set<String> PRESENT = Set.of("join", "invite");

    private final AccountDataRepository accountData;
    private final RoomAccess access;
    private final CreateRoomUseCase rooms;
    private final io.zhihang.application.port.in.userdata.AccountDataUseCase accountDataWrites;

    public DirectRooms(AccountDataRepository accountData, RoomAccess access, CreateRoomUseCase rooms,
                       io.zhihang.application.port.in.userdata.AccountDataUseCase accountDataWrites) {
        this.accountData = accountData;
        this.access = access;
        this.rooms = rooms;
        this.accountDataWrites = accountDataWrites;
    }

    public String with(Requester requester, UserId other) {
        String self = requester.userId().toString();
        JsonObject direct = accountData.find(self, null, DIRECT).orElse(JsonObject.EMPTY);
        Optional<String> existing = listed(direct, other.toString()).stream()
                .filter(roomId -> "join".equals(access.membership(roomId, self).orElse(null)))
                .filter(roomId -> PRESENT.contains(access.membership(roomId, other.toString()).orElse("")))
                .findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        String roomId = rooms.create(new CreateRoomCommand(requester, "trusted_private_chat", "private", null, null,
                null, List.of(other.toString()), List.of(), null, null, true, null)).roomId();
        List<JsonValue> updated = new ArrayList<>(listed(direct, other.toString()).stream()
                .<JsonValue>map(JsonString::of).toList());
        updated.add(JsonString.of(roomId));
        accountDataWrites.put(requester, self, null, DIRECT, direct.with(other.toString(), new JsonArray(updated)));
        return roomId;
    }

    private static List<String> listed(JsonObject direct, String userId) {
        return direct.array(userId).map(a -> a.items().stream().filter(v -> v instanceof JsonString)
                .map(v -> ((JsonString) v).value()).toList()).orElse(List.of());
    }
}
