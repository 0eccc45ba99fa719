package io.zhihang.adapter.persistence.room;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "room_aliases")
public class RoomAliasEntity {
    @Id
    public String alias;

    @Column(name = "room_id", nullable = false)
    public String roomId;

    @Column(nullable = false)
    public String creator;
}
