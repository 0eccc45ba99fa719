package io.zhihang.application.port.out.devicelist;

import java.util.Collection;
import java.util.Set;

/**
 * The device-list stream: which users' devices or keys changed, at increasing positions. Writers commit in position
 * order (taking a position locks the head until commit), so everything at or before a head read is visible.
 */
public interface DeviceListStore {
    /** Records the changes under one new position and returns it. */
    long append(Collection<Change> changes);

    /**
     * Users with a change in ({@code since}, {@code upTo}] that {@code viewer} is told about: the viewer's own, those
     * of users joined to a room the viewer is joined to, and those addressed to the viewer alone.
     */
    Set<String> changedFor(String viewer, long since, long upTo);

    /**
     * A change of {@code userId}'s devices or keys.
     *
     * @param audience null: news to everyone sharing a room with the user; else only to that user
     */
    record Change(String userId, String audience) {
        public static Change of(String userId) {
            return new Change(userId, null);
        }
    }
}
