package io.zhihang.adapter.persistence.userdata;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A user's receipt in a room; {@code threadId} is {@code ""} for an unthreaded receipt. */
@Entity
@Table(name = "receipts")
@IdClass(ReceiptKey.class)
public class ReceiptEntity {
    @Id
    @Column(name = "room_id")
    public String roomId;

    @Id
    @Column(name = "receipt_type")
    public String receiptType;

    @Id
    @Column(name = "user_id")
    public String userId;

    @Id
    @Column(name = "thread_id")
    public String threadId;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_ordering", nullable = false)
    public long eventOrdering;

    @Column(nullable = false)
    public long ts;

    @Column(name = "stream_id", nullable = false)
    public long streamId;
}
