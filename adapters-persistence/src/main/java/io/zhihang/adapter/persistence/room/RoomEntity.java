package io.zhihang.adapter.persistence.room;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "rooms")
public class RoomEntity {
    @Id
    @Column(name = "room_id")
    public String roomId;

    @Column(name = "room_version", nullable = false)
    public String roomVersion;

    @Column(nullable = false)
    public String creator;

    public boolean published;

    @Column(name = "head_event_id")
    public String headEventId;

    @Column(name = "head_depth")
    public long headDepth;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
