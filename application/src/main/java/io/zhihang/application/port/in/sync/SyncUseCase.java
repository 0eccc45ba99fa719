package io.zhihang.application.port.in.sync;

/** {@code GET /sync}: what changed for the caller since their token, waiting up to the timeout for something to. */
public interface SyncUseCase {
    SyncResult sync(SyncRequest request);
}
