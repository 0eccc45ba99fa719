package io.zhihang.adapter.persistence;

import io.quarkus.hibernate.orm.PersistenceUnit;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * One build, two databases: the entities are mapped in the default persistence unit (on the H2 datasource) and,
 * through {@code META-INF/orm-pg.xml}, in the {@code pg} unit (on the PostgreSQL datasource). Only the unit of the
 * configured {@code zhihang.database.kind} is active. Panache asks CDI for the unqualified {@link Session}; this
 * producer answers with the active unit's. See docs/adr/0002-runtime-database-choice.md.
 */
@Singleton
public class ActivePersistenceUnit {
    static final String PG_UNIT = "pg";

    private final boolean postgres;

    public ActivePersistenceUnit(@ConfigProperty(name = "zhihang.database.kind") String kind) {
        this.postgres = "postgresql".equalsIgnoreCase(kind);
    }

    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    @Typed(Session.class)
    Session session(@Any Instance<Session> sessions) {
        return sessions.select(unit()).get();
    }

    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    @Typed(EntityManager.class)
    EntityManager entityManager(@Any Instance<EntityManager> managers) {
        return managers.select(unit()).get();
    }

    /** The name of the active datasource ({@code h2} or {@code pg}), for the few reads done in plain JDBC. */
    public String dataSourceName() {
        return postgres ? PG_UNIT : "h2";
    }

    private PersistenceUnit.PersistenceUnitLiteral unit() {
        return new PersistenceUnit.PersistenceUnitLiteral(postgres ? PG_UNIT : PersistenceUnit.DEFAULT);
    }
}
