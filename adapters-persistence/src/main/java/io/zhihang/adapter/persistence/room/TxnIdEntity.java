package io.zhihang.adapter.persistence.room;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "event_txn_ids")
@IdClass(TxnIdKey.class)
public class TxnIdEntity {
    @Id
    @Column(name = "user_id")
    public String userId;

    @Id
    @Column(name = "device_id")
    public String deviceId;

    @Id
    @Column(name = "txn_id")
    public String txnId;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
