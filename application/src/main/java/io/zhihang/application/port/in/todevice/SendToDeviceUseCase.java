package io.zhihang.application.port.in.todevice;

/**
 * Sends to-device messages to local devices. Idempotent per (sender, sender's device, transaction id): a retry
 * delivers nothing again. Unknown users and devices are ignored; remote users too, until federation exists.
 */
public interface SendToDeviceUseCase {
    void send(SendToDeviceCommand command);
}
