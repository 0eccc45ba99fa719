package io.zhihang.adapter.persistence.room;

import java.io.Serializable;

/** Composite id of {@link CurrentStateEntity}. */
public record CurrentStateKey(String roomId, String type, String stateKey) implements Serializable {
}
