package io.zhihang.adapter.persistence.todevice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;

/** A transaction id a device sent to-device messages with. */
@Entity
@Table(name = "to_device_txns")
@IdClass(ToDeviceTxnKey.class)
public class ToDeviceTxnEntity {
    @Id
    @Column(name = "user_id")
    public String userId;

    @Id
    @Column(name = "device_id")
    public String deviceId;

    @Id
    @Column(name = "txn_id")
    public String txnId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
