package io.zhihang.adapter.persistence.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "devices")
@IdClass(DeviceKey.class)
public class DeviceEntity {
    @Id
    @Column(name = "user_id")
    public String userId;

    @Id
    @Column(name = "device_id")
    public String deviceId;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "last_seen_ip")
    public String lastSeenIp;

    @Column(name = "last_seen_ts")
    public Instant lastSeenTs;
}
