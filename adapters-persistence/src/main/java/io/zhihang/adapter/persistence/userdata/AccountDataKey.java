package io.zhihang.adapter.persistence.userdata;

import java.io.Serializable;

/** Composite id of {@link AccountDataEntity}. */
public record AccountDataKey(String userId, String roomId, String type) implements Serializable {
}
