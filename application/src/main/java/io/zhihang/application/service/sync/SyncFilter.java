package io.zhihang.application.service.sync;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.filter.EventFormat;
import io.zhihang.domain.filter.Filter;
import io.zhihang.domain.filter.RoomEventFilter;
import io.zhihang.domain.userdata.IgnoredUsers;

/**
 * A filter as sync reads it: the spec's filter object ({@link Filter}) with sync's defaults and limits applied.
 * {@code lazy_load_members} and {@code include_redundant_members} are read from the state filter (as Synapse does).
 * The reader's ignore list goes with it, so every timeline of the response leaves out what it hides.
 */
public record SyncFilter(Filter filter, IgnoredUsers ignored) {
    public static final int DEFAULT_TIMELINE_LIMIT = 10;
    /** Synapse's cap on a timeline limit. */
    public static final int MAX_TIMELINE_LIMIT = 100;

    public static final SyncFilter DEFAULT = new SyncFilter(Filter.DEFAULT);

    public SyncFilter(Filter filter) {
        this(filter, IgnoredUsers.NONE);
    }

    /** This filter for a reader with the given ignore list. */
    public SyncFilter ignoring(IgnoredUsers ignoredUsers) {
        return new SyncFilter(filter, ignoredUsers);
    }

    /** Whether a timeline shows the event: the timeline filter lets it through and the ignore list does not hide it. */
    public boolean timelineShows(Pdu event) {
        return !ignored.hides(event) && timeline().matches(event);
    }

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
