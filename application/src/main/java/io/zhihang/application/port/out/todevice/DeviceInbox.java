package io.zhihang.application.port.out.todevice;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * To-device messages waiting for local devices, each stored under its position in the to-device stream, and the
 * transaction ids senders used. Positions are handed out under a lock on the stream's counter row, held until the
 * sending transaction ends, so they become visible in order: a reader that sees the head at n sees every message up
 * to n. One send takes one position; a device gets at most one message per position.
 */
public interface DeviceInbox {
    /** Locks the stream until this transaction ends (senders, and deletions of devices, are serialised). */
    void lockStream();

    /** Records a sender's transaction id; false if the device used it before. Call with the stream locked. */
    boolean recordTxn(String userId, String deviceId, String txnId, Instant now);

    /** The devices of these local users, by user (one query); users without devices are left out. */
    Map<String, List<String>> devicesOf(Collection<String> userIds);

    /** Takes the next position (the stream must be locked), stores every delivery under it and returns it. */
    long append(String sender, String type, List<Delivery> deliveries);

    /** At most {@code limit} messages of the device positioned after {@code after} and up to {@code upTo}, oldest first. */
    List<Stored> pending(String userId, String deviceId, long after, long upTo, int limit);

    /** Deletes the device's messages positioned at or before {@code upTo} (acknowledged). */
    void deleteUpTo(String userId, String deviceId, long upTo);

    /** Deletes the messages and transaction ids of the user's devices (the devices were deleted). */
    void deleteDevices(String userId, Collection<String> deviceIds);

    /** Forgets transaction ids recorded before {@code cutoff}. */
    void deleteTxnsBefore(Instant cutoff);

    /** One message for one device; {@code content} is JSON text (client data). */
    record Delivery(String userId, String deviceId, String content) {
    }

    /** A waiting message; {@code content} is JSON text (client data). */
    record Stored(long position, String sender, String type, String content) {
    }
}
