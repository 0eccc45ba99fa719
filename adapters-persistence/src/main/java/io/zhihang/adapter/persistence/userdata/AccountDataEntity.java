package io.zhihang.adapter.persistence.userdata;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One account-data entry: {@code roomId} is {@code ""} for global data; {@code content} null once deleted. */
@Entity
@Table(name = "account_data")
@IdClass(AccountDataKey.class)
public class AccountDataEntity {
    @Id
    @Column(name = "user_id")
    public String userId;

    @Id
    @Column(name = "room_id")
    public String roomId;

    @Id
    public String type;

    @Column(name = "stream_id", nullable = false)
    public long streamId;

    public String content;
}
