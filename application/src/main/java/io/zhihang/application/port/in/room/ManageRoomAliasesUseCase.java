package io.zhihang.application.port.in.room;

import io.zhihang.domain.auth.Requester;

/** {@code PUT} and {@code DELETE /directory/room/{roomAlias}}: this server's room aliases. */
public interface ManageRoomAliasesUseCase {
    void create(Requester requester, String alias, String roomId);

    void delete(Requester requester, String alias);
}
