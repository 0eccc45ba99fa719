package io.zhihang.application.service.room;

import io.zhihang.application.port.out.room.MessageLog;
import io.zhihang.domain.event.EventDraft;

import java.util.concurrent.CompletableFuture;

/**
 * A message waiting in its room's lane to be written; {@code result} completes with the event id after commit.
 * {@code sender} is the thread that waits for it, woken when the result is in or when the lane wants a drainer.
 */
record PendingMessage(EventDraft draft, MessageLog.Txn txn, CompletableFuture<String> result, Thread sender) {
    PendingMessage(EventDraft draft, MessageLog.Txn txn) {
        this(draft, txn, new CompletableFuture<>(), Thread.currentThread());
    }
}
