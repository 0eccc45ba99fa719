package io.zhihang.adapter.persistence.tx;

import io.zhihang.application.port.out.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** {@link AfterCommit} on the JTA transaction of the calling thread (interposed: after Hibernate's own flush). */
@ApplicationScoped
public class JtaAfterCommit implements AfterCommit {
    private final TransactionSynchronizationRegistry registry;

    JtaAfterCommit(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void register(Runnable onCommit, Runnable onRollback) {
        if (registry.getTransactionKey() == null) {
            onCommit.run();
            return;
        }
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    onCommit.run();
                } else {
                    onRollback.run();
                }
            }
        });
    }
}
