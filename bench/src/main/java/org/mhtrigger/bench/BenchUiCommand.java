package org.mhtrigger.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.mhtrigger.bench.internal.UiLoadData;
import org.mhtrigger.bench.internal.UiLoadDriver;
import org.mhtrigger.review.ReviewServer;
import org.mhtrigger.review.ReviewSettings;
import org.mhtrigger.review.store.AuditKey;
import org.mhtrigger.review.store.Role;
import org.mhtrigger.review.store.Users;
import org.mhtrigger.rules.TriggerCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mhtrigger bench-ui}: the review UI under load, on a database seeded with two years of reviews. */
@Command(
        name = "bench-ui",
        mixinStandardHelpOptions = true,
        description = {
            "Measures the review UI under load. Seeds the database (unless it is already seeded with the same "
                    + "parameters) with --stays synthetic stays, generated, screened and imported as the import page "
                    + "does, and --months monthly samples reviewed, submitted and signed through the review "
                    + "workflow; starts the review UI on 127.0.0.1 on a free port; then --users virtual users (safety "
                    + "leads, each signed in with its own session through the login form) request the queue, a record "
                    + "and the dashboard of the reviewed months, round after round, each waiting for its response "
                    + "before the next request.",
            "Prints requests, p50, p95, p99 and max latency (ms) and throughput per page, whether each p95 is under "
                    + "300 ms, the machine and the database size. Exit code 1 if any request failed.",
            "It writes synthetic data: give it a database of its own, never a production one. The database password "
                    + "is read from MHTRIGGER_DB_PASSWORD (or --db-password-file), never from the command line."
        })
final class BenchUiCommand implements Callable<Integer> {
    /** The response-time goal of the 95th percentile, per page. */
    static final double TARGET_P95_MS = 300;

    @Option(
            names = "--db",
            required = true,
            paramLabel = "JDBC-URL",
            description = "Database of its own, e.g. jdbc:postgresql://127.0.0.1:5432/mhtrigger_bench.")
    String db;

    @Option(
            names = "--audit-key",
            paramLabel = "FILE",
            defaultValue = "${env:MHTRIGGER_AUDIT_KEY_FILE}",
            description = "The audit chain's key file (created if missing). Default: MHTRIGGER_AUDIT_KEY_FILE, else"
                    + " beside an H2 database, else mhtrigger-bench-ui.audit-key in the system's temporary folder (a"
                    + " bench database holds synthetic data only).")
    String auditKey;

    @Option(names = "--db-user", paramLabel = "USER", defaultValue = "", description = "Database user.")
    String dbUser;

    @Option(
            names = "--db-password-file",
            paramLabel = "FILE",
            description = "Read the database password from FILE (first line) instead of MHTRIGGER_DB_PASSWORD.")
    Path dbPasswordFile;

    @Option(
            names = "--stays",
            defaultValue = "100000",
            paramLabel = "N",
            description = "Screened stays in the database (default: ${DEFAULT-VALUE}).")
    int stays;

    @Option(
            names = "--months",
            defaultValue = "24",
            paramLabel = "M",
            description = "Months of reviews, one sample each (default: ${DEFAULT-VALUE}).")
    int months;

    @Option(
            names = "--sample-size",
            defaultValue = "20",
            paramLabel = "K",
            description = "Stays sampled per month (default: ${DEFAULT-VALUE}).")
    int sampleSize;

    @Option(
            names = "--seed",
            defaultValue = "1",
            paramLabel = "S",
            description = "Seed of the synthetic stays and reviews (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--users",
            defaultValue = "20",
            paramLabel = "U",
            description = "Concurrent virtual users (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(
            names = "--rounds",
            defaultValue = "50",
            paramLabel = "R",
            description = "Measured rounds per user; a round requests the queue, a record and the dashboard "
                    + "(default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--warmup-rounds",
            defaultValue = "10",
            paramLabel = "W",
            description = "Unmeasured rounds per user first (default: ${DEFAULT-VALUE}).")
    int warmupRounds;

    @Option(
            names = "--threads",
            paramLabel = "T",
            description = "Threads that generate and screen stays while seeding (default: the number of cores).")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String problem = check();
        if (problem != null) {
            err.println("mhtrigger bench-ui: " + problem);
            return BenchMain.USAGE;
        }
        String password;
        if (dbPasswordFile != null) {
            if (!Files.isReadable(dbPasswordFile)) {
                err.println("mhtrigger bench-ui: --db-password-file " + dbPasswordFile + " is not a readable file");
                return BenchMain.USAGE;
            }
            password = Files.readAllLines(dbPasswordFile, StandardCharsets.UTF_8).stream()
                    .findFirst()
                    .orElse("");
        } else {
            password = System.getenv().getOrDefault("MHTRIGGER_DB_PASSWORD", "");
        }
        // one line instead of Spring's start-up failure for the usual mistakes (server down, wrong password); an
        // in-memory H2 database would be created here with other credentials than Spring's, so it is not probed
        if (!db.startsWith("jdbc:h2:mem:")) {
            try (Connection connection = DriverManager.getConnection(db, dbUser, password)) {
                connection.isValid(5);
            } catch (SQLException e) {
                err.println("mhtrigger bench-ui: cannot connect to " + db + " as '" + dbUser + "': " + e.getMessage());
                return BenchMain.FAILURE;
            }
        }
        int seedThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        String keyFile = auditKey != null && !auditKey.isBlank()
                ? auditKey
                : AuditKey.defaultFile(db).isPresent() || db.startsWith("jdbc:h2:mem:")
                        ? ""
                        : Path.of(System.getProperty("java.io.tmpdir"), "mhtrigger-bench-ui.audit-key")
                                .toString();
        ReviewSettings settings = new ReviewSettings(
                0, db, dbUser, password, TriggerCatalogue.standard().all(), "127.0.0.1", keyFile);
        err.println("mhtrigger bench-ui: starting the review UI on " + db);
        try (ReviewServer server = ReviewServer.start(settings)) {
            UiLoadData data = new UiLoadData(
                    server, new UiLoadData.Parameters(stays, months, sampleSize, seed), seedThreads, err);
            UiLoadData.Outcome seeded = data.seed();
            if (seeded.alreadySeeded()) {
                out.printf("seeding: the database was already seeded with these parameters%n");
            } else {
                out.printf(
                        Locale.ROOT,
                        "seeding: %.1f s (stays: %.1f s on %d thread(s); samples drawn and reviewed: %.1f s)%n",
                        (seeded.stayMillis() + seeded.reviewMillis()) / 1000.0,
                        seeded.stayMillis() / 1000.0,
                        seedThreads,
                        seeded.reviewMillis() / 1000.0);
            }
            List<UiLoadDriver.Account> accounts = loadAccounts(server.bean(Users.class));
            String dashboardQuery = "from=" + seeded.first() + "&to=" + seeded.last();
            UiLoadDriver driver = new UiLoadDriver(
                    URI.create("http://127.0.0.1:" + server.port()),
                    data.reviewIds(),
                    new UiLoadDriver.Plan(warmupRounds, rounds, dashboardQuery));
            err.printf(
                    Locale.ROOT,
                    "mhtrigger bench-ui: %d users, %d warm-up and %d measured rounds each...%n",
                    users,
                    warmupRounds,
                    rounds);
            err.flush();
            UiLoadDriver.Result result = driver.run(accounts);
            print(out, server, data, seeded, result);
            for (String error : result.firstErrors()) {
                err.println("mhtrigger bench-ui: error: " + error);
            }
            return result.errors() == 0 ? BenchMain.OK : BenchMain.FAILURE;
        }
    }

    private String check() {
        if (stays < 1) {
            return "--stays " + stays + " must be at least 1";
        }
        if (months < 1 || months > 120) {
            return "--months " + months + " must be between 1 and 120";
        }
        if (sampleSize < 1) {
            return "--sample-size " + sampleSize + " must be at least 1";
        }
        if (users < 1 || users > 1000) {
            return "--users " + users + " must be between 1 and 1000";
        }
        if (rounds < 1) {
            return "--rounds " + rounds + " must be at least 1";
        }
        if (warmupRounds < 0) {
            return "--warmup-rounds " + warmupRounds + " must not be negative";
        }
        if (threads != null && threads < 1) {
            return "--threads " + threads + " must be at least 1";
        }
        if (!db.startsWith("jdbc:")) {
            return "--db '" + db + "' must be a JDBC URL starting with jdbc:";
        }
        return null;
    }

    /** One safety-lead account per user, {@code bench-user-01}..., with a fresh random password on every run. */
    private List<UiLoadDriver.Account> loadAccounts(Users accounts) {
        SecureRandom random = new SecureRandom();
        List<UiLoadDriver.Account> list = new ArrayList<>();
        for (int i = 1; i <= users; i++) {
            String username = String.format(Locale.ROOT, "bench-user-%02d", i);
            String password = Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + "-bench";
            if (accounts.find(username).isPresent()) {
                accounts.setPassword(username, password, "system");
            } else {
                accounts.create(username, "Bench User " + i, Role.SAFETY_LEAD, password, "system");
            }
            list.add(new UiLoadDriver.Account(username, password));
        }
        return list;
    }

    private void print(
            PrintWriter out,
            ReviewServer server,
            UiLoadData data,
            UiLoadData.Outcome seeded,
            UiLoadDriver.Result result) {
        Runtime runtime = Runtime.getRuntime();
        out.printf(
                Locale.ROOT,
                "machine: %d cores, Java %s (%s), max heap %,d MB; the review UI and the load driver"
                        + " share this JVM%n",
                runtime.availableProcessors(),
                System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                runtime.maxMemory() >> 20);
        Map<String, Long> sizes = data.sizes();
        out.printf(
                Locale.ROOT,
                "database: %s; %,d stays, %,d findings, %,d timeline items; %,d periods (%s to %s), %,d reviews,"
                        + " %,d events, %,d signatures, %,d audit rows%n",
                product(server),
                sizes.get("stay"),
                sizes.get("finding"),
                sizes.get("stay_item"),
                sizes.get("review_period"),
                seeded.first(),
                seeded.last(),
                sizes.get("review"),
                sizes.get("adverse_event"),
                sizes.get("signature"),
                sizes.get("audit_entry"));
        out.printf(
                Locale.ROOT,
                "load: %d users on 127.0.0.1, closed loop (one request in flight per user), %d warm-up + %d measured"
                        + " rounds each; %,d measured requests in %.1f s%n",
                users,
                warmupRounds,
                rounds,
                result.requests(),
                result.seconds());
        out.printf(
                Locale.ROOT,
                "%-12s %9s %9s %9s %9s %9s %9s%n",
                "page",
                "requests",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "max ms",
                "req/s");
        for (UiLoadDriver.PageFigures page : result.pages()) {
            out.printf(
                    Locale.ROOT,
                    "%-12s %9d %9.1f %9.1f %9.1f %9.1f %9.1f%n",
                    page.page().label(),
                    page.requests(),
                    page.p50(),
                    page.p95(),
                    page.p99(),
                    page.max(),
                    page.perSecond());
        }
        for (UiLoadDriver.PageFigures page : result.pages()) {
            boolean under = page.p95() < TARGET_P95_MS;
            out.printf(
                    Locale.ROOT,
                    "%s: p95 %.1f ms %s%n",
                    page.page().label(),
                    page.p95(),
                    under ? "< 300 ms: met" : ">= 300 ms: NOT met");
        }
        out.printf(Locale.ROOT, "errors: %d%n", result.errors());
        out.flush();
    }

    private static String product(ReviewServer server) {
        try (Connection connection = server.bean(DataSource.class).getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            return "unknown database";
        }
    }
}
