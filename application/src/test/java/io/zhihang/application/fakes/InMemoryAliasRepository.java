package io.zhihang.application.fakes;

import io.zhihang.application.port.out.room.AliasRepository;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Room aliases in a map, for tests. */
public class InMemoryAliasRepository implements AliasRepository {
    private record Alias(String roomId, String creator) {
    }

    private final Map<String, Alias> aliases = new ConcurrentHashMap<>();

    @Override
    public boolean create(String alias, String roomId, String creator) {
        return aliases.putIfAbsent(alias, new Alias(roomId, creator)) == null;
    }

    @Override
    public Optional<String> roomOf(String alias) {
        return Optional.ofNullable(aliases.get(alias)).map(Alias::roomId);
    }

    @Override
    public Optional<String> creatorOf(String alias) {
        return Optional.ofNullable(aliases.get(alias)).map(Alias::creator);
    }

    @Override
    public void delete(String alias) {
        aliases.remove(alias);
    }

    @Override
    public List<String> aliasesOf(String roomId) {
        return aliases.entrySet().stream()
                .filter(e -> e.getValue().roomId().equals(roomId))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    @Override
    public void repoint(String fromRoomId, String toRoomId) {
        aliases.replaceAll((alias, a) -> a.roomId().equals(fromRoomId) ? new Alias(toRoomId, a.creator()) : a);
    }
}
