package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhtrigger.testkit.Postgres;
import org.mhtrigger.testkit.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The workflow on a real PostgreSQL, in a schema of its own per run. Set MHTRIGGER_TEST_POSTGRES_URL (and _USER,
 * _PASSWORD); .ci/run does. Under CI=true a missing URL fails the build instead of skipping.
 */
@SpringBootTest(classes = ReviewApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(TestSettings.class)
@PostgresTest
class PostgresWorkflowTest extends WorkflowContract {
    static final String SCHEMA = Postgres.newSchemaName("t");

    @BeforeAll
    static void needsPostgres() {
        Postgres.fromEnvironment();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        properties(registry, SCHEMA);
    }

    /** The datasource settings of a test application working in {@code schema} of the test server. */
    static void properties(DynamicPropertyRegistry registry, String schema) {
        registry.add("spring.datasource.url", () -> Postgres.fromEnvironment().url(schema));
        registry.add(
                "spring.datasource.username", () -> Postgres.fromEnvironment().user());
        registry.add(
                "spring.datasource.password", () -> Postgres.fromEnvironment().password());
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("mhtrigger.audit.key-file", () -> TestSettings.postgresAuditKeyFile());
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDatabaseRefusesToRewriteOrRemoveAuditRows() {
        fixtures.freshReview();
        long rows = audit.count();
        assertThat(rows).isPositive();

        assertThatThrownBy(() ->
                        jdbc.sql("UPDATE audit_entry SET actor = 'mallory'").update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry").update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThat(audit.count()).isEqualTo(rows);
    }
}
