package io.zhihang.adapter.persistence.erasure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "erased_users")
public class ErasedUserEntity {
    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "erased_at", nullable = false)
    public Instant erasedAt;
}
