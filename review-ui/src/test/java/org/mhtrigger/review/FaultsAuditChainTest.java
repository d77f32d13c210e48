package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mhtrigger.review.store.AuditChain;
import org.mhtrigger.review.store.AuditKey;
import org.mhtrigger.review.store.AuditTrail;
import org.mhtrigger.review.store.OutcomeClass;
import org.mhtrigger.review.store.ReviewService;
import org.mhtrigger.review.store.Stays;
import org.mhtrigger.review.store.Users;
import org.mhtrigger.testkit.Postgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fault replay, issue #17 case 2: a change to the audit trail made outside the application (UPDATE, DELETE, a swap of
 * two rows, a row inserted, the newest row removed) is detected and the first broken row named, on H2 and PostgreSQL.
 * On PostgreSQL the append-only trigger refuses UPDATE and DELETE, so the tamperer here is the table's owner, who
 * can disable it: the chain is what still catches them.
 */
class FaultsAuditChainTest {
    private Store store;

    @AfterEach
    void dropSchema() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aFreshTrail_isIntact(String database) {
        store = Store.open(database);
        store.saveEvents(3);

        AuditChain.Verdict verdict = store.audit.chain().verify();

        assertThat(verdict.intact()).as("%s", verdict.firstBreak()).isTrue();
        assertThat(verdict.rows()).isEqualTo(store.audit.count()).isGreaterThan(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anUpdatedRow_isNamedAsEdited(String database) {
        store = Store.open(database);
        store.saveEvents(3);
        long victim = store.rowIds().get(5);

        store.tamper("UPDATE audit_entry SET new_value = 'nothing happened' WHERE id = " + victim);

        assertBroken(victim, AuditChain.Fault.EDITED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aDeletedRow_isNamedAsDeleted(String database) {
        store = Store.open(database);
        store.saveEvents(3);
        long victim = store.rowIds().get(4);

        store.tamper("DELETE FROM audit_entry WHERE id = " + victim);

        assertBroken(victim, AuditChain.Fault.DELETED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void twoRowsWithSwappedContents_areNamedAsReordered(String database) {
        store = Store.open(database);
        store.saveEvents(3);
        List<Long> ids = store.rowIds();
        long a = ids.get(3);
        long b = ids.get(7);
        String columns = "occurred_at, actor, entity, entity_id, review_id, field, old_value, new_value, reason";

        store.tamper(
                "CREATE TABLE swap AS SELECT id, " + columns + " FROM audit_entry WHERE id IN (" + a + ", " + b + ")");
        for (String column : columns.split(", ")) {
            store.tamper("UPDATE audit_entry SET " + column + " = (SELECT s." + column
                    + " FROM swap s WHERE s.id = CASE WHEN audit_entry.id = " + a + " THEN " + b + " ELSE " + a
                    + " END) WHERE id IN (" + a + ", " + b + ")");
        }
        store.tamper("DROP TABLE swap");

        assertBroken(a, AuditChain.Fault.REORDERED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRowInsertedOutsideTheApplication_isNamedAsAdded(String database) {
        store = Store.open(database);
        store.saveEvents(2);

        store.tamper("INSERT INTO audit_entry (occurred_at, actor, entity, entity_id, field, new_value)"
                + " VALUES (CURRENT_TIMESTAMP, 'mallory', 'event', 1, 'status', 'recorded')");
        long added = store.rowIds().getLast();

        assertBroken(added, AuditChain.Fault.ADDED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theNewestRowRemovedWithItsSeal_isSeenAtTheChainsEnd(String database) {
        store = Store.open(database);
        store.saveEvents(2);
        List<Long> ids = store.rowIds();

        store.tamper("DELETE FROM audit_seal WHERE entry_id = " + ids.getLast());
        store.tamper("DELETE FROM audit_entry WHERE id = " + ids.getLast());

        assertBroken(ids.get(ids.size() - 2), AuditChain.Fault.TRUNCATED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void concurrentWriters_chainInOneTotalOrder(String database) throws Exception {
        store = Store.open(database);
        store.saveEvents(1);
        List<Thread> writers = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < 4; w++) {
            int writer = w;
            writers.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int n = 0; n < 15; n++) {
                        int i = n;
                        store.transaction.executeWithoutResult(s ->
                                store.audit.append("w" + writer, "test", i, null, "field", null, "value " + i, null));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread writer : writers) {
            writer.join();
        }

        AuditChain.Verdict verdict = store.audit.chain().verify();

        assertThat(failures).isEmpty();
        assertThat(verdict.intact()).as("%s", verdict.firstBreak()).isTrue();
        assertThat(verdict.rows()).isEqualTo(store.audit.count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void rowsWrittenBeforeTheChainExisted_areSealedOnFirstStart(String database) {
        store = Store.open(database, "13");
        store.tamper("INSERT INTO audit_entry (occurred_at, actor, entity, entity_id, field, new_value)"
                + " VALUES (CURRENT_TIMESTAMP, 'old', 'event', 1, 'status', 'recorded')");
        store.migrate(null);

        int sealed = store.transaction.execute(s -> store.audit.sealRowsFromBeforeTheChain());
        store.saveEvents(1);

        assertThat(sealed).isEqualTo(1);
        assertThat(store.audit.chain().verify().intact()).isTrue();
    }

    private void assertBroken(long row, AuditChain.Fault fault) {
        AuditChain.Verdict verdict = store.audit.chain().verify();

        assertThat(verdict.intact()).isFalse();
        AuditChain.Break first = verdict.firstBreak().orElseThrow();
        assertThat(first.entryId()).as(first.describe()).isEqualTo(row);
        assertThat(first.fault()).as(first.describe()).isEqualTo(fault);
        assertThat(first.describe()).startsWith("audit row " + row + " ");
    }

    /** The product's store classes on a fresh database, wired by hand as {@link DurabilityChild} does. */
    static final class Store implements AutoCloseable {
        final String database;
        final String url;
        final String schema;
        final DataSource data;
        final JdbcClient jdbc;
        final AuditTrail audit;
        final ReviewService reviews;
        final Fixtures fixtures;
        final TransactionTemplate transaction;

        private Store(String database, String target) {
            this.database = database;
            this.schema = Postgres.newSchemaName("a");
            if (database.equals("h2")) {
                url = "jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1";
                data = new DriverManagerDataSource(url, "", "");
            } else {
                Postgres server = Postgres.fromEnvironment();
                exec(server.url(), "CREATE SCHEMA " + schema);
                url = server.url(schema);
                data = new DriverManagerDataSource(url, user(), password());
            }
            migrate(target);
            jdbc = JdbcClient.create(data);
            audit = new AuditTrail(jdbc, AuditKey.ephemeral());
            Stays stays = new Stays(jdbc, new JdbcTemplate(data));
            Users users = new Users(jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder(), audit);
            reviews = new ReviewService(jdbc, stays, users, audit);
            fixtures = new Fixtures(new DemoData(stays, users, reviews, new DemoHistory(jdbc, audit)), users, reviews);
            transaction = new TransactionTemplate(new DataSourceTransactionManager(data));
        }

        static Store open(String database) {
            return new Store(database, null);
        }

        static Store open(String database, String target) {
            return new Store(database, target);
        }

        void migrate(String target) {
            var flyway = Flyway.configure()
                    .dataSource(data)
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + database);
            if (target != null) {
                flyway.target(target);
            }
            flyway.load().migrate();
        }

        /** A review with {@code events} events saved on it, through the product's service. */
        void saveEvents(int events) {
            long review = transaction.execute(s -> fixtures.freshReview().id());
            for (int i = 0; i < events; i++) {
                transaction.executeWithoutResult(s -> reviews.addEvent(
                        Fixtures.ANN,
                        review,
                        reviews.view(Fixtures.ANN, review).version(),
                        new ReviewService.EventInput(null, OutcomeClass.ADVERSE_EVENT, "event", "F", false, null),
                        null));
            }
        }

        List<Long> rowIds() {
            return jdbc.sql("SELECT id FROM audit_entry ORDER BY id")
                    .query(Long.class)
                    .list();
        }

        /** Runs SQL as someone with direct access to the database; on PostgreSQL the owner lifts the trigger first. */
        void tamper(String sql) {
            if (database.equals("postgresql")) {
                exec(
                        url,
                        "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_or_delete",
                        sql,
                        "ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_or_delete");
            } else {
                exec(url, sql);
            }
        }

        @Override
        public void close() {
            if (database.equals("postgresql")) {
                exec(Postgres.fromEnvironment().url(), "DROP SCHEMA " + schema + " CASCADE");
            } else {
                exec(url, "SHUTDOWN");
            }
        }

        private void exec(String url, String... sql) {
            try (Connection c = DriverManager.getConnection(url, database.equals("h2") ? "" : user(), password());
                    Statement s = c.createStatement()) {
                for (String statement : sql) {
                    s.execute(statement);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private String user() {
            return Postgres.fromEnvironment().user();
        }

        private String password() {
            return database.equals("h2") ? "" : Postgres.fromEnvironment().password();
        }
    }
}
