package io.zhihang.adapter.persistence.backup;

import java.io.Serializable;

/** Composite id of {@link KeyBackupVersionEntity}. */
public record KeyBackupVersionKey(String userId, long version) implements Serializable {
}
