package io.zhihang.application.service.sync;

import io.zhihang.domain.filter.EventFormat;
import io.zhihang.domain.filter.Filter;
import io.zhihang.domain.filter.RoomEventFilter;

/**
 * A filter as sync reads it: the spec's filter object ({@link Filter}) with sync's defaults and limits applied.
 * {@code lazy_load_members} and {@code include_redundant_members} are read from the state filter (as Synapse does).
 */
public record SyncFilter(Filter filter) {
    public static final int DEFAULT_TIMELINE_LIMIT = 10;
    /** Synapse's cap on a timeline limit. */
    public static final int MAX_TIMELINE_LIMIT = 100;

    public static final SyncFilter DEFAULT = new SyncFilter(Filter.DEFAULT);

    public boolean roomWanted(String roomId) {
        return filter.room().allowsRoom(roomId);
    }

    public RoomEventFilter timeline() {
        return filter.room().timeline();
    }

    public int timelineLimit() {
        Integer limit = timeline().limit();
        return limit == null ? DEFAULT_TIMELINE_LIMIT : Math.clamp(limit, 0, MAX_TIMELINE_LIMIT);
    }

    public RoomEventFilter state() {
        return filter.room().state();
    }

    public boolean lazyLoadMembers() {
        return state().lazyLoadMembers();
    }

    public boolean redundantMembers() {
        return state().includeRedundantMembers();
    }

    public boolean includeLeave() {
        return filter.room().includeLeave();
    }

    public RoomEventFilter ephemeral() {
        return filter.room().ephemeral();
    }

    public RoomEventFilter roomAccountData() {
        return filter.room().accountData();
    }

    public boolean federationFormat() {
        return filter.eventFormat() == EventFormat.FEDERATION;
    }
}
