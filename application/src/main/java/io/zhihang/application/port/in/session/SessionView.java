package io.zhihang.application.port.in.session;

import io.zhihang.domain.session.PrivateSession;

/**
 * A session as one participant sees it.
 *
 * @param participant the other participant
 * @param membership  the viewer's membership of the session's room: {@code join}, or {@code invite} for a target
 *                    who has not used it yet
 * @param unreadCount the viewer's unread notifications in it
 */
public record SessionView(PrivateSession session, String participant, String membership, long unreadCount) {
}
