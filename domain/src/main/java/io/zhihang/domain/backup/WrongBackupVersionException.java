package io.zhihang.domain.backup;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;

/**
 * Keys may only be written to the current (latest) backup: writing to an older one that still exists is
 * {@code 403 M_WRONG_ROOM_KEYS_VERSION}, and the response names the {@link #currentVersion()}.
 */
public final class WrongBackupVersionException extends DomainException {
    private static final long serialVersionUID = 1L;

    private final String currentVersion;

    public WrongBackupVersionException(BackupVersion currentVersion) {
        super(ErrorKind.WRONG_ROOM_KEYS_VERSION, "Wrong room_keys version");
        this.currentVersion = currentVersion.toString();
    }

    public String currentVersion() {
        return currentVersion;
    }
}
