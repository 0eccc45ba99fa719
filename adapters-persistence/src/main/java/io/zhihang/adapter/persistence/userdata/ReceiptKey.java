package io.zhihang.adapter.persistence.userdata;

import java.io.Serializable;

/** Composite id of {@link ReceiptEntity}. */
public record ReceiptKey(String roomId, String receiptType, String userId, String threadId) implements Serializable {
}
