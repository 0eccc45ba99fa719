package io.zhihang.application.port.in.admin.notices;

import io.zhihang.domain.auth.Requester;

/**
 * Synapse's server notices: a server admin sends a local user a notice, which the system user posts in the user's
 * server-notices room (made, and the user invited, on first use). Returns the notice's event id; a repeated
 * transaction id of the same admin device returns the first notice's id.
 */
public interface SendServerNoticeUseCase {
    String send(Requester admin, String ip, SendServerNoticeCommand command);
}
