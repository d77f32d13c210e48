package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
class PostgresWorkflowTest extends WorkflowContract {
    static final String URL = System.getenv("MHTRIGGER_TEST_POSTGRES_URL");
    static final String SCHEMA = "t"
            + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36)
                    .toLowerCase(Locale.ROOT);

    @BeforeAll
    static void needsPostgres() {
        if (URL == null || URL.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("MHTRIGGER_TEST_POSTGRES_URL is not set on CI: .ci/run must start PostgreSQL");
            }
            Assumptions.abort("PostgreSQL tests skipped: set MHTRIGGER_TEST_POSTGRES_URL, e.g. "
                    + "jdbc:postgresql://127.0.0.1:5432/mhtrigger_test (see .ci/run)");
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = URL == null ? "" : URL;
        registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> env("MHTRIGGER_TEST_POSTGRES_USER", "mhtrigger_test"));
        registry.add("spring.datasource.password", () -> env("MHTRIGGER_TEST_POSTGRES_PASSWORD", "mhtrigger_test"));
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("mhtrigger.audit.key-file", () -> TestSettings.postgresAuditKeyFile());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
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
