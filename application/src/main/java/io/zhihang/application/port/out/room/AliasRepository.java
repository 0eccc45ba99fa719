package io.zhihang.application.port.out.room;

import java.util.List;
import java.util.Optional;

/** Local room aliases. */
public interface AliasRepository {
    /** Returns false if the alias is taken. */
    boolean create(String alias, String roomId, String creator);

    Optional<String> roomOf(String alias);

    Optional<String> creatorOf(String alias);

    void delete(String alias);

    List<String> aliasesOf(String roomId);
}
