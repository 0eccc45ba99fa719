package io.zhihang.adapter.persistence.presence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "presence")
public class PresenceEntity {
    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(nullable = false)
    public String state;

    @Column(name = "status_msg")
    public String statusMsg;

    @Column(name = "last_active")
    public Instant lastActive;

    @Column(name = "currently_active", nullable = false)
    public boolean currentlyActive;

    @Column(name = "stream_id", nullable = false)
    public long streamId;
}
