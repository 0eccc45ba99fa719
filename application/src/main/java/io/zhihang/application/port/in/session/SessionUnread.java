package io.zhihang.application.port.in.session;

import java.util.Map;

/** The caller's unread notifications in their sessions: in all, and by session id (sessions they have joined). */
public record SessionUnread(long total, Map<String, Long> bySession) {
    public SessionUnread {
        bySession = Map.copyOf(bySession);
    }
}
