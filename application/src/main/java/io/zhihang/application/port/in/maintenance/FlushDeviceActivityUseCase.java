package io.zhihang.application.port.in.maintenance;

/** Writes the devices' last-seen addresses and times noted since the previous flush. */
public interface FlushDeviceActivityUseCase {
    void flushDeviceActivity();
}
