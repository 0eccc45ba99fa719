package io.zhihang.application.port.in.lifecycle;

import java.util.List;

/** A page of search results, most recent first, with the total number of matches. */
public record SeedSearchPage(List<SeedMessage> messages, int page, int pageSize, long total) {
    public long pages() {
        return pageSize == 0 ? 0 : (total + pageSize - 1) / pageSize;
    }
}
