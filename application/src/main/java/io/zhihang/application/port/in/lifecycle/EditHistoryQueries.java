package io.zhihang.application.port.in.lifecycle;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.lifecycle.EditHistory;

/**
 * The edit history of a message: each edit, oldest first, with the content it replaced, the content it brought, its
 * time and its reason ({@code org.zhihang.edit_reason}); {@link EditHistory#count()} is the number of edits.
 */
public interface EditHistoryQueries {
    /**
     * The edits of {@code eventId} that the requester may read. A recalled (redacted) message has none left to show.
     *
     * @throws io.zhihang.domain.shared.DomainException {@code NOT_FOUND} if there is no such event or the requester
     *                                                  may not read it
     */
    EditHistory editHistory(Requester requester, String eventId);
}
