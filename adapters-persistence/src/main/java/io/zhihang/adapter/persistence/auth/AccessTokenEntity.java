package io.zhihang.adapter.persistence.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "access_tokens")
public class AccessTokenEntity {
    @Id
    @Column(name = "token_id")
    public String tokenId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "device_id", nullable = false)
    public String deviceId;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "refresh_token_hash")
    public String refreshTokenHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "previous_token_id")
    public String previousTokenId;
}
