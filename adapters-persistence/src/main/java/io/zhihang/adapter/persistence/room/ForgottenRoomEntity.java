package io.zhihang.adapter.persistence.room;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "forgotten_rooms")
@IdClass(ForgottenRoomKey.class)
public class ForgottenRoomEntity {
    @Id
    @Column(name = "user_id")
    public String userId;

    @Id
    @Column(name = "room_id")
    public String roomId;
}
