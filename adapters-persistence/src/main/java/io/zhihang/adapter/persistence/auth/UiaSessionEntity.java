package io.zhihang.adapter.persistence.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "uia_sessions")
public class UiaSessionEntity {
    @Id
    @Column(name = "session_id")
    public String sessionId;

    @Column(nullable = false)
    public String purpose;

    @Column(name = "bound_user")
    public String boundUser;

    /** Completed stages, space separated (stage names contain no spaces). */
    @Column(nullable = false)
    public String completed;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The parameters of the request that began the session: a JSON object without auth or password. */
    @Column(name = "client_params", columnDefinition = "TEXT")
    public String clientParams;

    @Column(name = "password_hash")
    public String passwordHash;

    /** What the completed operation produced (registration: the user id). */
    public String result;
}
