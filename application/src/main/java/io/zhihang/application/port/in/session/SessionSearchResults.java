package io.zhihang.application.port.in.session;

import java.util.List;

/** Messages of the caller's sessions matching a search, best first, with the token of the next page (or null). */
public record SessionSearchResults(long count, List<SessionMessage> results, String nextBatch) {
    public SessionSearchResults {
        results = List.copyOf(results);
    }
}
