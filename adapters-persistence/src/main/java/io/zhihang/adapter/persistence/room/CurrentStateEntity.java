package io.zhihang.adapter.persistence.room;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "current_state")
@IdClass(CurrentStateKey.class)
public class CurrentStateEntity {
    @Id
    @Column(name = "room_id")
    public String roomId;

    @Id
    public String type;

    @Id
    @Column(name = "state_key")
    public String stateKey;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    public String membership;
}
