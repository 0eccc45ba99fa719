package io.zhihang.application.service.sync;

import io.zhihang.application.port.in.sync.DeviceListChangesQuery;
import io.zhihang.application.port.in.sync.SyncResult;
import io.zhihang.application.port.out.ReadOnlyWork;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Device-list changes between two sync tokens, as a sync from {@code from} up to {@code to} would report them. */
@ApplicationScoped
public class KeyChangesService implements DeviceListChangesQuery {
    private final SyncPositions positions;
    private final UserMemberships memberships;
    private final SyncDeviceLists deviceLists;
    private final ReadOnlyWork readOnlyWork;

    public KeyChangesService(SyncPositions positions, UserMemberships memberships, SyncDeviceLists deviceLists,
                             ReadOnlyWork readOnlyWork) {
        this.positions = positions;
        this.memberships = memberships;
        this.deviceLists = deviceLists;
        this.readOnlyWork = readOnlyWork;
    }

    @Override
    @Transactional
    public SyncResult.DeviceLists changes(Requester requester, String from, String to) {
        if (from == null || to == null) {
            throw DomainException.missingParam("from and to are required");
        }
        readOnlyWork.readOnly();
        String userId = requester.userId().toString();
        SyncToken current = positions.current(userId);
        SyncToken since = SyncToken.parse(from).clampTo(current);
        SyncToken upTo = SyncToken.parse(to).clampTo(current);
        if (!isBefore(since, upTo)) {
            return SyncResult.DeviceLists.NONE;
        }
        return deviceLists.between(userId, memberships.of(userId), since, upTo);
    }

    private static boolean isBefore(SyncToken since, SyncToken upTo) {
        return since.events() < upTo.events() || since.deviceLists() < upTo.deviceLists();
    }
}
