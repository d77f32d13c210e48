package org.mhtrigger.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mhtrigger.engine.ConfigurationException;
import org.mhtrigger.review.store.AuditChain;
import org.mhtrigger.review.store.AuditKey;
import org.mhtrigger.review.store.AuditTrail;
import org.mhtrigger.review.store.DatabaseUrls;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mhtrigger audit}: checks on the review database's audit trail. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Checks on the review database's audit trail.",
        subcommands = {AuditCommand.Verify.class, CommandLine.HelpCommand.class})
final class AuditCommand implements Runnable {
    /** The audit chain is broken. */
    static final int BROKEN = 4;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required, e.g. audit verify");
    }

    /** {@code mhtrigger audit verify}. */
    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = {
                "Checks the audit trail's keyed hash chain: every row against its seal (HMAC-SHA-256 with the "
                        + "deployment's key), the order of the rows, the chain's end, and that no row was added outside "
                        + "the application. Names the first broken row and what is wrong with it (edited, deleted or "
                        + "missing, reordered, added, newest rows missing). Reads only.",
                "The key: --audit-key FILE, else the file next to an H2 database (<database>.audit-key, e.g. "
                        + "./data/mhtrigger.audit-key for serve, ./data/demo.audit-key for the demo), created by the "
                        + "server on its first start. For PostgreSQL give the file the server was started with.",
                "Stop a server on an H2 file first: it holds the file. Password from MHTRIGGER_DB_PASSWORD.",
                "Exit codes: 0 intact, 4 broken, 2 usage or no such database or key, 1 cannot be read (in use, not "
                        + "yet chained)."
            })
    static final class Verify implements Callable<Integer> {
        @Mixin
        ReviewDatabaseOptions database;

        @Option(
                names = "--audit-key",
                paramLabel = "FILE",
                defaultValue = "${env:MHTRIGGER_AUDIT_KEY_FILE}",
                description = "The audit key file (default: MHTRIGGER_AUDIT_KEY_FILE, else next to an H2 database).")
        Path auditKey;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!database.chosen()) {
                err.println("mhtrigger audit verify: give exactly one of --db JDBC-URL or --demo");
                return Main.USAGE;
            }
            String url = database.url();
            String open = url;
            if (DatabaseUrls.isH2File(url) && !url.toUpperCase(Locale.ROOT).contains("IFEXISTS")) {
                open = url + ";IFEXISTS=TRUE"; // never create an empty database where the real one is missing
            }
            SingleConnectionDataSource source = new SingleConnectionDataSource(
                    DatabaseUrls.durable(open), database.user, database.password(), true);
            try {
                JdbcClient jdbc = JdbcClient.create(source);
                jdbc.sql("SELECT COUNT(*) FROM audit_chain_head")
                        .query(Long.class)
                        .single();
                Optional<Path> keyFile = Optional.ofNullable(auditKey).or(() -> AuditKey.defaultFile(url));
                if (keyFile.isEmpty()) {
                    err.println("mhtrigger audit verify: give --audit-key FILE (the key file the server uses)");
                    return Main.USAGE;
                }
                AuditChain.Verdict verdict = new AuditTrail(jdbc, AuditKey.read(keyFile.get()))
                        .chain()
                        .verify();
                if (verdict.intact()) {
                    out.println("audit chain intact: " + verdict.rows() + " rows");
                    return Main.OK;
                }
                out.println("audit chain BROKEN: "
                        + verdict.firstBreak().orElseThrow().describe() + "; " + verdict.rows()
                        + " rows sealed");
                return BROKEN;
            } catch (ConfigurationException e) {
                err.println("mhtrigger audit verify: " + e.getMessage());
                return Main.USAGE;
            } catch (DataAccessException e) {
                return databaseError(err, url, e);
            } finally {
                source.destroy();
            }
        }

        private static int databaseError(PrintWriter err, String givenUrl, DataAccessException e) {
            // a password may be given inside the URL: never echo it
            String url = givenUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
            SQLException sql = e.getMostSpecificCause() instanceof SQLException s ? s : null;
            int code = sql == null ? 0 : sql.getErrorCode();
            String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
            String message;
            int exit = Main.FAILURE;
            if (code == 90146 || state.equals("3D000")) {
                message = "no database at " + url;
                exit = Main.USAGE;
            } else if (code == 90020 || text(e).contains("file is locked") || text(e).contains("already in use")) {
                message = "the database " + url + " is in use (a running server holds the H2 file): stop it first";
            } else if (state.equals("42S02") || state.equals("42S04") || state.equals("42P01") || code == 42102) {
                message = "the database " + url + " has no audit chain yet: start the server on it once";
            } else {
                message = "cannot read " + url + ": "
                        + text(e).lines().findFirst().orElse("");
            }
            err.println("mhtrigger audit verify: " + message);
            return exit;
        }

        private static String text(DataAccessException e) {
            return String.valueOf(e.getMostSpecificCause().getMessage());
        }
    }
}
