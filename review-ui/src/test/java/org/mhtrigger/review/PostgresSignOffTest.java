package org.mhtrigger.review;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Sign-off and work management on a real PostgreSQL, in a schema of its own; skipped or failed as PostgresWorkflowTest. */
@SpringBootTest(classes = ReviewApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(TestSettings.class)
class PostgresSignOffTest extends SignOffContract {
    static final String SCHEMA = "s"
            + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36)
                    .toLowerCase(Locale.ROOT);

    @BeforeAll
    static void needsPostgres() {
        PostgresWorkflowTest.needsPostgres();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = PostgresWorkflowTest.URL == null ? "" : PostgresWorkflowTest.URL;
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
}
