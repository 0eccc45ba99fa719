package io.zhihang.adapter.persistence.openid;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "openid_tokens")
public class OpenIdTokenEntity {
    @Id
    public String token;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
