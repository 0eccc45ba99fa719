package io.zhihang.application.port.out.push;

/**
 * Wakes push delivery: notifications were committed, so pushers may have something to send. Returns at once; the
 * sending happens elsewhere, off the request path.
 */
@FunctionalInterface
public interface PushNotifier {
    void notificationsRecorded();
}
