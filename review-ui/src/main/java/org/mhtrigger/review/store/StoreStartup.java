package org.mhtrigger.review.store;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * What the store does when the server starts, before it serves a request: the Flyway migrations, then, on an H2
 * database kept in files, {@link IdentityRepair}.
 */
@Configuration
class StoreStartup {
    @Bean
    FlywayMigrationStrategy migrateThenRepair(
            DataSource dataSource, @Value("${spring.datasource.url:jdbc:h2:mem:}") String url) {
        return flyway -> {
            flyway.migrate();
            if (DatabaseUrls.isH2File(url)) {
                try {
                    IdentityRepair.repair(dataSource);
                } catch (SQLException e) {
                    throw new DataAccessResourceFailureException("checking the H2 identities after migration", e);
                }
            }
        };
    }
}
