package org.mhtrigger.review;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The settings a started server would get from the app: here only the test catalogue matters. */
@TestConfiguration
public class TestSettings {
    /** A key file for the PostgreSQL tests' audit chain, created once per test run. */
    public static String postgresAuditKeyFile() {
        try {
            java.nio.file.Path dir =
                    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "test-keys"));
            return dir.resolve("postgres-" + ProcessHandle.current().pid() + ".audit-key")
                    .toAbsolutePath()
                    .toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Bean
    ReviewSettings reviewSettings() {
        return new ReviewSettings(0, "jdbc:h2:mem:unused", "", "", Fixtures.CATALOGUE, "");
    }

    @Bean
    Fixtures fixtures(
            DemoData data, org.mhtrigger.review.store.Users users, org.mhtrigger.review.store.ReviewService reviews) {
        return new Fixtures(data, users, reviews);
    }
}
