package io.zhihang.application.port.in.lifecycle;

import io.zhihang.domain.auth.Requester;

/**
 * Recall for the product API: a message (not state) redacted by its sender or by a room moderator, within the recall
 * window and once ({@link io.zhihang.domain.lifecycle.RecallRule#checkRecall}). Unlike the Matrix redact endpoint, a
 * moderator gets no exception to the window here. Edits need no use case of their own: an {@code m.replace} sent
 * through {@link io.zhihang.application.port.in.room.SendEventUseCase#send} is held to the edit rules.
 */
public interface RecallMessageUseCase {
    /**
     * Redacts {@code eventId}; returns the redaction's event id.
     *
     * @throws io.zhihang.domain.lifecycle.LifecycleRefusal if the rules refuse it
     * @throws io.zhihang.domain.shared.DomainException     {@code NOT_FOUND} if there is no such event
     */
    String recall(Requester requester, String eventId, String reason);
}
