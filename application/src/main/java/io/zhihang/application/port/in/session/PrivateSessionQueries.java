package io.zhihang.application.port.in.session;

import io.zhihang.domain.auth.Requester;

import java.util.List;

/** Reading private sessions; see {@link PrivateSessionsUseCase} for what is unknown to whom. */
public interface PrivateSessionQueries {
    int DEFAULT_LIMIT = 20;
    int MAX_LIMIT = 100;

    /** The sessions the caller still has (not deleted, not left), newest first. */
    List<SessionView> sessions(Requester requester);

    SessionView session(Requester requester, String sessionId);

    /** Messages newest first from {@code from} (a {@code next_batch}; null for the newest), at most {@code limit}. */
    SessionMessagesPage messages(Requester requester, String sessionId, String from, int limit);

    SessionUnread unread(Requester requester);

    /**
     * The existing {@code /search} over the caller's joined sessions (or only {@code sessionId}, if given), ranked;
     * {@code nextBatch} continues an earlier page.
     */
    SessionSearchResults search(Requester requester, String term, String sessionId, int limit, String nextBatch);
}
