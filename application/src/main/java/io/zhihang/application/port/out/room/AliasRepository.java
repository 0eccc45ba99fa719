package io.zhihang.application.port.out.room;

import java.util.List;
import java.util.Optional;

/** Local room aliases. */
public interface AliasRepository {
    /** Returns false if the alias is taken (also when a concurrent transaction took it first). */
    boolean create(String alias, String roomId, String creator);

    Optional<String> roomOf(String alias);

    Optional<String> creatorOf(String alias);

    void delete(String alias);

    /** This server's aliases of the room, sorted. */
    List<String> aliasesOf(String roomId);

    /** Points every alias of {@code fromRoomId} at {@code toRoomId} (a room upgrade); creators stay. */
    void repoint(String fromRoomId, String toRoomId);
}
