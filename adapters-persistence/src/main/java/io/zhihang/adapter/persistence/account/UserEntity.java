package io.zhihang.adapter.persistence.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "users")
public class UserEntity {
    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "password_hash")
    public String passwordHash;

    public boolean admin;

    public boolean deactivated;

    public boolean guest;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
