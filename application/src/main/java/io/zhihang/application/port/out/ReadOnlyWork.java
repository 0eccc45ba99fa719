package io.zhihang.application.port.out;

/**
 * Marks the current unit of work as reading only: what it loads is not tracked for changes and nothing is flushed
 * at commit (a sync may load thousands of events; checking each for changes would cost more than reading it).
 */
public interface ReadOnlyWork {
    void readOnly();
}
