package io.zhihang.application.port.out;

/**
 * Work that must wait for the current transaction's outcome: {@code onCommit} runs after it commits,
 * {@code onRollback} after it rolls back; with no transaction active, {@code onCommit} runs at once.
 */
public interface AfterCommit {
    void register(Runnable onCommit, Runnable onRollback);
}
