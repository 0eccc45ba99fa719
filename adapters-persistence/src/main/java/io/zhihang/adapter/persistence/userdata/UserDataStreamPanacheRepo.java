package io.zhihang.adapter.persistence.userdata;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * The stream counters. {@link #lock} takes the row lock ({@code SELECT … FOR UPDATE}) that serialises a stream's
 * writes until commit, on H2 and PostgreSQL alike and across server instances.
 */
@ApplicationScoped
class UserDataStreamPanacheRepo implements PanacheRepositoryBase<UserDataStreamEntity, String> {
    static final String ACCOUNT_DATA = "account_data";
    static final String RECEIPTS = "receipts";

    void lock(String stream) {
        find("stream", stream).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> new IllegalStateException("Missing stream row " + stream));
    }

    /** The next position of a stream that this transaction has locked. */
    long advance(String stream) {
        UserDataStreamEntity row = findById(stream);
        row.lastPosition++;
        return row.lastPosition;
    }

    /** The last position committed (or taken by this transaction); always read from the database. */
    long position(String stream) {
        return getSession().createSelectionQuery(
                        "select s.lastPosition from UserDataStreamEntity s where s.stream = :stream", Long.class)
                .setParameter("stream", stream).getSingleResult();
    }
}
