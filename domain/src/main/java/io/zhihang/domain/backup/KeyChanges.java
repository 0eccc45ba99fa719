package io.zhihang.domain.backup;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an upload changes in a backup: keys of sessions it did not have, and stored keys that lose to new ones. */
public record KeyChanges(Map<BackupSession, BackedUpKey> added, Map<BackupSession, BackedUpKey> replaced) {
    public KeyChanges {
        added = Collections.unmodifiableMap(new LinkedHashMap<>(added));
        replaced = Collections.unmodifiableMap(new LinkedHashMap<>(replaced));
    }

    public boolean isEmpty() {
        return added.isEmpty() && replaced.isEmpty();
    }
}
