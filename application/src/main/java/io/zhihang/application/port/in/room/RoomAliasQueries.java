package io.zhihang.application.port.in.room;

import io.zhihang.domain.auth.Requester;

import java.util.List;

/** Resolving an alias ({@code GET /directory/room/{roomAlias}}) and listing a room's local aliases. */
public interface RoomAliasQueries {
    ResolvedAlias resolve(String alias);

    /** {@code GET /rooms/{roomId}/aliases}. */
    List<String> localAliases(Requester requester, String roomId);

    /** The room an alias names, and servers that can be asked to join it through. */
    record ResolvedAlias(String roomId, List<String> servers) {
        public ResolvedAlias {
            servers = List.copyOf(servers);
        }
    }
}
