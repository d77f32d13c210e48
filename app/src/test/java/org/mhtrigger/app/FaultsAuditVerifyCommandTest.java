package org.mhtrigger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhtrigger.review.DemoHistory;
import org.mhtrigger.review.store.AuditKey;
import org.mhtrigger.review.store.AuditTrail;
import org.mhtrigger.review.store.Role;
import org.mhtrigger.review.store.Users;
import org.mhtrigger.testkit.ChildJvm;
import org.mhtrigger.testkit.Postgres;
import org.mhtrigger.testkit.PostgresTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fault replay, issue #17 case 2, from the command line: {@code audit verify} on a demo-like H2 database (accounts
 * and two months of reviewed history, written through the product's store with the key file beside the database)
 * passes, then fails naming the row after direct SQL; a missing or held database is one line, no stack trace.
 */
class FaultsAuditVerifyCommandTest {
    @TempDir
    Path dir;

    String url;

    @BeforeEach
    void aDemoLikeDatabase() {
        url = "jdbc:h2:file:" + dir.resolve("demo");
        SingleConnectionDataSource data = new SingleConnectionDataSource(url, "", "", true);
        try {
            Flyway.configure()
                    .dataSource(data)
                    .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                    .load()
                    .migrate();
            JdbcClient jdbc = JdbcClient.create(data);
            AuditTrail audit = new AuditTrail(jdbc, AuditKey.forDatabase(url, null));
            Users users = new Users(jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder(), audit);
            new TransactionTemplate(new DataSourceTransactionManager(data)).executeWithoutResult(s -> {
                users.create("admin", "Admin", Role.ADMIN, "a-long-enough-password", "system");
                new DemoHistory(jdbc, audit).seed(YearMonth.of(2026, 1), 2, 7L);
            });
        } finally {
            data.destroy();
        }
    }

    private void sql(String statement) {
        SingleConnectionDataSource data = new SingleConnectionDataSource(url, "", "", true);
        try {
            JdbcClient.create(data).sql(statement).update();
        } finally {
            data.destroy();
        }
    }

    private List<Long> rowIds() {
        SingleConnectionDataSource data = new SingleConnectionDataSource(url, "", "", true);
        try {
            return JdbcClient.create(data)
                    .sql("SELECT id FROM audit_entry ORDER BY id")
                    .query(Long.class)
                    .list();
        } finally {
            data.destroy();
        }
    }

    @Test
    void aFreshDemoLikeDatabase_verifiesIntact() {
        CommandRun run = CommandRun.run("audit", "verify", "--db", url);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("audit chain intact: ").contains(rowIds().size() + " rows");
        assertThat(Files.exists(dir.resolve("demo" + AuditKey.SUFFIX))).isTrue();
    }

    @Test
    void demoOption_readsTheDemoDatabaseUnderData() {
        CommandRun run = CommandRun.run("audit", "verify", "--demo", "--data", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void anUpdatedRow_exitsFourNamingTheRow() {
        long victim = rowIds().get(2);
        sql("UPDATE audit_entry SET actor = 'mallory' WHERE id = " + victim);

        CommandRun run = CommandRun.run("audit", "verify", "--db", url);

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out()).contains("audit chain BROKEN: audit row " + victim + " edited");
    }

    @Test
    void aDeletedRow_exitsFourNamingTheRow() {
        long victim = rowIds().get(1);
        sql("DELETE FROM audit_entry WHERE id = " + victim);

        CommandRun run = CommandRun.run("audit", "verify", "--db", url);

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out()).contains("audit row " + victim + " deleted");
    }

    @Test
    void twoSwappedRows_exitFourNamingTheFirstAsReordered() {
        List<Long> ids = rowIds();
        long a = ids.get(0);
        long b = ids.get(2);
        sql("CREATE TABLE swap AS SELECT * FROM audit_entry WHERE id IN (" + a + ", " + b + ")");
        for (String column : List.of(
                "occurred_at",
                "actor",
                "entity",
                "entity_id",
                "review_id",
                "field",
                "old_value",
                "new_value",
                "reason")) {
            sql("UPDATE audit_entry SET " + column + " = (SELECT s." + column + " FROM swap s WHERE s.id = CASE WHEN"
                    + " audit_entry.id = " + a + " THEN " + b + " ELSE " + a + " END) WHERE id IN (" + a + ", " + b
                    + ")");
        }

        CommandRun run = CommandRun.run("audit", "verify", "--db", url);

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out()).contains("audit row " + a + " reordered").contains("sealed as row " + b);
    }

    @Test
    void aWrongKey_breaksTheChainAtItsFirstRow() throws Exception {
        Path other = dir.resolve("other.audit-key");
        AuditKey.readOrCreate(other);

        CommandRun run = CommandRun.run("audit", "verify", "--db", url, "--audit-key", other.toString());

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out()).contains("audit row " + rowIds().getFirst() + " edited");
    }

    @Test
    void aMissingDatabase_isOneLineWithExitTwo() {
        CommandRun run = CommandRun.run("audit", "verify", "--db", "jdbc:h2:file:" + dir.resolve("nothing-here"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .startsWith("mhtrigger audit verify: no database at")
                .doesNotContain("\n");
        assertThat(Files.exists(dir.resolve("nothing-here.mv.db"))).isFalse();
    }

    @Test
    void aDatabaseHeldByAnotherProcess_isOneLineWithExitOne() throws Exception {
        // another JVM holds the file, as a running server does
        Process holder = new ProcessBuilder(ChildJvm.command(
                        List.of(), org.h2.tools.Shell.class, "-url", url, "-user", "", "-password", ""))
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isNotNull(); // the shell's greeting: it has the database open

            CommandRun run = CommandRun.run("audit", "verify", "--db", url);

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().strip())
                    .contains("is in use")
                    .doesNotContain("\n")
                    .doesNotContain("Exception");
        } finally {
            holder.destroyForcibly();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @PostgresTest
    void onPostgres_verifyPassesThenNamesTheRowTheOwnerEditedPastTheTrigger() throws Exception {
        Postgres server = Postgres.fromEnvironment();
        String user = server.user();
        String password = server.password();
        Postgres.Schema schema = server.createSchema("v");
        String pg = schema.url();
        Path key = dir.resolve("postgres.audit-key");
        SingleConnectionDataSource data = new SingleConnectionDataSource(pg, user, password, true);
        try {
            Flyway.configure()
                    .dataSource(data)
                    .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                    .load()
                    .migrate();
            JdbcClient jdbc = JdbcClient.create(data);
            AuditTrail audit = new AuditTrail(jdbc, AuditKey.forDatabase(pg, key.toString()));
            new TransactionTemplate(new DataSourceTransactionManager(data))
                    .executeWithoutResult(s -> new DemoHistory(jdbc, audit).seed(YearMonth.of(2026, 1), 2, 7L));
            String cli = pg + "&password=" + password;

            CommandRun intact =
                    CommandRun.run("audit", "verify", "--db", cli, "--db-user", user, "--audit-key", key.toString());
            long victim = jdbc.sql("SELECT MIN(id) FROM audit_entry")
                    .query(Long.class)
                    .single();
            jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_or_delete")
                    .update();
            jdbc.sql("UPDATE audit_entry SET new_value = 'nothing' WHERE id = " + victim)
                    .update();
            CommandRun broken =
                    CommandRun.run("audit", "verify", "--db", cli, "--db-user", user, "--audit-key", key.toString());

            assertThat(intact.exitCode()).as(intact.err()).isZero();
            assertThat(broken.exitCode()).as(broken.err()).isEqualTo(4);
            assertThat(broken.out()).contains("audit row " + victim + " edited");
        } finally {
            data.destroy();
            schema.close();
        }
    }

    @Test
    void aPasswordInsideTheUrl_isNotEchoed() {
        CommandRun run = CommandRun.run(
                "audit", "verify", "--db", "jdbc:h2:file:" + dir.resolve("nothing-here") + ";PASSWORD=hunter2");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).doesNotContain("hunter2").contains("PASSWORD=***").doesNotContain("\tat ");
    }

    @Test
    void help_saysWhereTheKeyLives() {
        CommandRun run = CommandRun.run("audit", "verify", "--help");

        assertThat(run.out())
                .contains("audit-key")
                .contains("./data/demo.audit-key")
                .contains("4 broken");
    }
}
