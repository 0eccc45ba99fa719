package io.zhihang.adapter.persistence.room;

import io.quarkus.panache.common.Sort;
import io.zhihang.application.port.out.room.AliasRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PanacheAliasRepository implements AliasRepository {
    private final RoomAliasPanacheRepo repo;

    PanacheAliasRepository(RoomAliasPanacheRepo repo) {
        this.repo = repo;
    }

    @Override
    public boolean create(String alias, String roomId, String creator) {
        if (repo.findByIdOptional(alias).isPresent()) {
            return false;
        }
        RoomAliasEntity e = new RoomAliasEntity();
        e.alias = alias;
        e.roomId = roomId;
        e.creator = creator;
        try {
            repo.persistAndFlush(e);
            return true;
        } catch (PersistenceException lostRace) {
            return false; // a concurrent transaction took the alias: the caller refuses, which rolls back
        }
    }

    @Override
    public Optional<String> roomOf(String alias) {
        return repo.findByIdOptional(alias).map(e -> e.roomId);
    }

    @Override
    public Optional<String> creatorOf(String alias) {
        return repo.findByIdOptional(alias).map(e -> e.creator);
    }

    @Override
    public void delete(String alias) {
        repo.deleteById(alias);
    }

    @Override
    public List<String> aliasesOf(String roomId) {
        return repo.list("roomId", Sort.by("alias"), roomId).stream().map(e -> e.alias).toList();
    }

    @Override
    public void repoint(String fromRoomId, String toRoomId) {
        repo.update("roomId = ?1 where roomId = ?2", toRoomId, fromRoomId);
    }
}
