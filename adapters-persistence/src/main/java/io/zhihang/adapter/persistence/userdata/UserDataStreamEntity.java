package io.zhihang.adapter.persistence.userdata;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last position taken in one stream ({@code account_data}, {@code receipts}). */
@Entity
@Table(name = "userdata_streams")
public class UserDataStreamEntity {
    @Id
    public String stream;

    @Column(name = "last_position", nullable = false)
    public long lastPosition;
}
