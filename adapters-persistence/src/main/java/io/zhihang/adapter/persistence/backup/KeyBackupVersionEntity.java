package io.zhihang.adapter.persistence.backup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One version of a user's key backup; {@code authData} is JSON text. Deleted versions keep their row. */
@Entity
@Table(name = "room_key_backup_versions")
@IdClass(KeyBackupVersionKey.class)
public class KeyBackupVersionEntity {
    @Id
    @Column(name = "user_id")
    public String userId;

    @Id
    public long version;

    @Column(nullable = false)
    public String algorithm;

    @Column(name = "auth_data", nullable = false, columnDefinition = "TEXT")
    public String authData;

    @Column(name = "key_count", nullable = false)
    public long keyCount;

    @Column(nullable = false)
    public long etag;

    @Column(nullable = false)
    public boolean deleted;
}
