package org.mhtrigger.review.store;

import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transaction manager of the review store: on an H2 database kept in files, every commit is followed by H2's
 * {@code CHECKPOINT} on the same connection before the transaction returns, so that what the UI confirms is in the
 * file. {@code WRITE_DELAY=0} alone was not enough: while H2's store writer held its lock, a commit could return
 * before its data was written, and {@code FaultsDurabilityTest} saw 1 of 126 acknowledged saves lost in 10 kills. Other
 * databases commit as usual (PostgreSQL's commit is durable). Thread-safe.
 */
public final class DurableTransactionManager extends JdbcTransactionManager {
    private final boolean checkpoint;

    /** @param url the JDBC URL {@code dataSource} opens, to tell an H2 file database from the others */
    public DurableTransactionManager(DataSource dataSource, String url) {
        super(dataSource);
        this.checkpoint = DatabaseUrls.isH2File(url);
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        super.doCommit(status);
        if (checkpoint) {
            ConnectionHolder holder =
                    (ConnectionHolder) TransactionSynchronizationManager.getResource(obtainDataSource());
            try (Statement statement = holder.getConnection().createStatement()) {
                statement.execute("CHECKPOINT");
            } catch (SQLException e) {
                throw translateException("CHECKPOINT after commit", e);
            }
        }
    }
}
