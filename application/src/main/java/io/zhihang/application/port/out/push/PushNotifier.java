package io.zhihang.application.port.out.push;

/**
 * Wakes push delivery. Both methods return at once; the sending happens elsewhere, off the request path.
 */
public interface PushNotifier {
    /** Notifications were committed, so pushers may have something to send. */
    void notificationsRecorded();

    /** The user's read receipts moved (committed): their pushers may get a new badge count. */
    void receiptsMoved(String userId);
}
