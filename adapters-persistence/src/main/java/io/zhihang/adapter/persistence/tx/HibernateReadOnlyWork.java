package io.zhihang.adapter.persistence.tx;

import io.zhihang.application.port.out.ReadOnlyWork;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/** {@link ReadOnlyWork} on the transaction's Hibernate session: read-only entities, no flush. */
@ApplicationScoped
public class HibernateReadOnlyWork implements ReadOnlyWork {
    private final Session session;

    HibernateReadOnlyWork(Session session) {
        this.session = session;
    }

    @Override
    public void readOnly() {
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
    }
}
