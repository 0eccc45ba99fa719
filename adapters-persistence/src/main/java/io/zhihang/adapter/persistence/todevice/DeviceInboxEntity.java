package io.zhihang.adapter.persistence.todevice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One to-device message waiting for one device; {@code content} is JSON text. */
@Entity
@Table(name = "device_inbox")
@IdClass(DeviceInboxKey.class)
public class DeviceInboxEntity {
    @Id
    @Column(name = "user_id")
    public String userId;

    @Id
    @Column(name = "device_id")
    public String deviceId;

    @Id
    @Column(name = "stream_id")
    public long streamId;

    @Column(nullable = false)
    public String sender;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false, columnDefinition = "TEXT")
    public String content;
}
