package io.zhihang.application.port.in.todevice;

import io.zhihang.domain.auth.Requester;

/**
 * The requesting device's to-device inbox as sync reads it. A sync whose token carries to-device position P
 * acknowledges everything up to P (deleted for good); what comes after P is delivered until acknowledged.
 */
public interface ToDeviceSyncUseCase {
    /** At most {@link #LIMIT} events of the device, after {@code after} and up to {@code upTo}, oldest first. */
    ToDeviceBatch pending(Requester requester, long after, long upTo);

    /** Deletes the device's messages at or before {@code upTo} (a position no later than the stream's head). */
    void acknowledge(Requester requester, long upTo);

    /** Events per sync response (Synapse's limit); the rest come in the next one. */
    int LIMIT = 100;
}
