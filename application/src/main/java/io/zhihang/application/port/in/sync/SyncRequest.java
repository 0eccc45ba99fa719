package io.zhihang.application.port.in.sync;

import io.zhihang.domain.auth.Requester;

/**
 * One {@code /sync} call.
 *
 * @param since       the previous {@code next_batch}, or null for an initial sync
 * @param filter      a stored filter id, inline JSON, or null
 * @param fullState   {@code full_state=true}: every room's state as in an initial sync
 * @param timeoutMs   how long to wait for something to happen (0: answer at once)
 * @param setPresence {@code online}, {@code offline}, {@code unavailable}, or null (online)
 */
public record SyncRequest(Requester requester, String since, String filter, boolean fullState, long timeoutMs,
                          String setPresence) {
}
