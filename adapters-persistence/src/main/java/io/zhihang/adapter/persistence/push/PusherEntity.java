package io.zhihang.adapter.persistence.push;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "pushers")
@IdClass(PusherEntityKey.class)
public class PusherEntity {
    @Id
    @Column(name = "user_id")
    public String userId;

    @Id
    @Column(name = "app_id")
    public String appId;

    @Id
    @Column(name = "pushkey")
    public String pushkey;

    @Column(nullable = false)
    public String kind;

    @Column(name = "app_display_name", nullable = false, columnDefinition = "TEXT")
    public String appDisplayName;

    @Column(name = "device_display_name", nullable = false, columnDefinition = "TEXT")
    public String deviceDisplayName;

    @Column(name = "profile_tag", columnDefinition = "TEXT")
    public String profileTag;

    @Column(nullable = false, columnDefinition = "TEXT")
    public String lang;

    @Column(nullable = false, columnDefinition = "TEXT")
    public String data;

    @Column(name = "device_id")
    public String deviceId;

    @Column(nullable = false)
    public long ts;

    /** Delivery state ({@code failing_since}, {@code retry_at}, {@code claimed_until}) is written in plain SQL. */
    @Column(name = "last_stream_ordering", nullable = false)
    public long lastStreamOrdering;
}
