package io.zhihang.application.port.out.admin;

import java.util.List;
import java.util.Optional;

/** Reports users made about events (and rooms: {@code eventId} null). */
public interface EventReportStore {
    long add(long receivedTs, String roomId, String eventId, String userId, String reason, Long score);

    /** A page, by id ascending ({@code backwards} false) or descending, optionally of one room and/or reporter. */
    List<StoredReport> page(int from, int limit, boolean backwards, String roomId, String userId);

    long count(String roomId, String userId);

    Optional<StoredReport> find(long id);

    boolean delete(long id);

    record StoredReport(long id, long receivedTs, String roomId, String eventId, String userId, String reason,
                        Long score) {
    }
}
