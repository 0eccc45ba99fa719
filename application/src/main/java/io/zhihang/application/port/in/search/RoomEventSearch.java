package io.zhihang.application.port.in.search;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.search.SearchField;
import io.zhihang.domain.search.SearchFilter;
import io.zhihang.domain.shared.DomainException;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * {@code POST /search} in the {@code room_events} category.
 *
 * @param keys         the fields to search; empty for all three
 * @param eventContext the context to return around each result; null for none
 * @param nextBatch    a {@code next_batch} token of an earlier page of the same search; null for the first page
 */
public record RoomEventSearch(Requester requester, String searchTerm, Set<SearchField> keys, SearchFilter filter,
                              Order order, EventContext eventContext, boolean includeState, Set<Grouping> groupBy,
                              String nextBatch) {
    public enum Order { RANK, RECENT }

    public enum Grouping {
        ROOM_ID("room_id"), SENDER("sender");

        private final String key;

        Grouping(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** How many events to return before and after each result (5 by default, at most 100 each). */
    public record EventContext(int beforeLimit, int afterLimit, boolean includeProfile) {
        public static final int DEFAULT_LIMIT = 5;
        public static final int MAX_LIMIT = 100;

        public EventContext {
            if (beforeLimit < 0 || afterLimit < 0) {
                throw DomainException.invalidParam("event_context limits must not be negative");
            }
            beforeLimit = Math.min(beforeLimit, MAX_LIMIT);
            afterLimit = Math.min(afterLimit, MAX_LIMIT);
        }
    }

    public RoomEventSearch {
        Objects.requireNonNull(requester);
        if (searchTerm == null) {
            throw DomainException.badJson("Missing search_term");
        }
        keys = keys == null || keys.isEmpty() ? EnumSet.allOf(SearchField.class) : EnumSet.copyOf(keys);
        filter = filter == null ? SearchFilter.NONE : filter;
        order = order == null ? Order.RANK : order;
        groupBy = groupBy == null || groupBy.isEmpty() ? Set.of() : EnumSet.copyOf(groupBy);
    }
}
