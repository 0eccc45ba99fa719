package io.zhihang.application.fakes;

import io.zhihang.application.port.out.AfterCommit;

/** Tests run without transactions: everything "commits" at once. */
public final class ImmediateAfterCommit implements AfterCommit {
    @Override
    public void register(Runnable onCommit, Runnable onRollback) {
        onCommit.run();
    }
}
