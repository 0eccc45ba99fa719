package io.zhihang.adapter.persistence.userdata;

import io.zhihang.application.port.out.userdata.AccountDataRepository;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Account data as JSON text (floats allowed: it is never signed), global entries under the room id {@code ""}. */
@ApplicationScoped
public class PanacheAccountDataRepository implements AccountDataRepository {
    private static final String GLOBAL = "";

    private final AccountDataPanacheRepo repo;
    private final UserDataStreamPanacheRepo streams;

    PanacheAccountDataRepository(AccountDataPanacheRepo repo, UserDataStreamPanacheRepo streams) {
        this.repo = repo;
        this.streams = streams;
    }

    @Override
    public void lockStream() {
        streams.lock(UserDataStreamPanacheRepo.ACCOUNT_DATA);
    }

    @Override
    public Optional<JsonObject> find(String userId, String roomId, String type) {
        return repo.findByIdOptional(new AccountDataKey(userId, room(roomId), type))
                .filter(e -> e.content != null)
                .map(e -> Json.parseClientData(e.content));
    }

    @Override
    public long save(String userId, String roomId, String type, JsonObject content) {
        long position = streams.advance(UserDataStreamPanacheRepo.ACCOUNT_DATA);
        AccountDataEntity e = repo.findById(new AccountDataKey(userId, room(roomId), type));
        boolean fresh = e == null;
        if (fresh) {
            e = new AccountDataEntity();
            e.userId = userId;
            e.roomId = room(roomId);
            e.type = type;
        }
        e.streamId = position;
        e.content = content == null ? null : CanonicalJson.encodeClientData(content);
        if (fresh) {
            repo.persist(e);
        }
        return position;
    }

    @Override
    public long position() {
        return streams.position(UserDataStreamPanacheRepo.ACCOUNT_DATA);
    }

    @Override
    public List<Entry> changedSince(String userId, long since) {
        return repo.list("userId = ?1 and streamId > ?2 order by streamId", userId, since).stream()
                .map(e -> new Entry(e.roomId.equals(GLOBAL) ? null : e.roomId, e.type,
                        e.content == null ? null : Json.parseClientData(e.content)))
                .toList();
    }

    private static String room(String roomId) {
        return roomId == null ? GLOBAL : roomId;
    }
}
