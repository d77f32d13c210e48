package org.mhtrigger.review;

import org.junit.jupiter.api.BeforeAll;
import org.mhtrigger.testkit.Postgres;
import org.mhtrigger.testkit.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Sign-off and work management on a real PostgreSQL, in a schema of its own; skipped or failed as PostgresWorkflowTest. */
@SpringBootTest(classes = ReviewApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(TestSettings.class)
@PostgresTest
class PostgresSignOffTest extends SignOffContract {
    static final String SCHEMA = Postgres.newSchemaName("s");

    @BeforeAll
    static void needsPostgres() {
        Postgres.fromEnvironment();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresWorkflowTest.properties(registry, SCHEMA);
    }
}
