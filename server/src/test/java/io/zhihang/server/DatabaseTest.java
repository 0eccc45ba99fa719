package io.zhihang.server;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The suite runs on the database the configuration names: H2 by default, PostgreSQL with -Ppg. */
@QuarkusTest
class DatabaseTest {
    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "zhihang.database.kind")
    String kind;

    @Test
    void the_active_persistence_unit_talks_to_the_configured_database() {
        String product = entityManager.unwrap(org.hibernate.Session.class).doReturningWork(DatabaseTest::product);
        assertThat(product).isEqualTo(kind.equalsIgnoreCase("h2") ? "H2" : "PostgreSQL");
    }

    private static String product(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName();
    }
}
