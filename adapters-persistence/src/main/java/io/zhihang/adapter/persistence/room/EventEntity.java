package io.zhihang.adapter.persistence.room;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A PDU: its canonical JSON text is the source of truth, the other columns serve queries. */
@Entity
@Table(name = "events")
public class EventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "stream_ordering")
    public Long streamOrdering;

    @Column(name = "event_id", nullable = false, unique = true)
    public String eventId;

    @Column(name = "room_id", nullable = false)
    public String roomId;

    @Column(nullable = false)
    public String type;

    @Column(name = "state_key")
    public String stateKey;

    @Column(nullable = false)
    public String sender;

    public long depth;

    @Column(name = "origin_server_ts")
    public long originServerTs;

    @Column(name = "relates_to")
    public String relatesTo;

    @Column(name = "rel_type")
    public String relType;

    @Column(name = "redacted_by")
    public String redactedBy;

    @Column(nullable = false, columnDefinition = "TEXT")
    public String json;
}
