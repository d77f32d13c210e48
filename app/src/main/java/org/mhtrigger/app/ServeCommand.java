package org.mhtrigger.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mhtrigger.review.DemoData;
import org.mhtrigger.review.ReviewServer;
import org.mhtrigger.review.ReviewSettings;
import org.mhtrigger.review.ScreenedStay;
import org.mhtrigger.review.importing.ImportPipeline;
import org.mhtrigger.rules.TriggerCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mhtrigger serve}: the review UI for real use. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the review UI. The database schema is created or migrated on start (Flyway; H2 or PostgreSQL).",
            "On an empty database an 'admin' account is created and its password printed once.",
            "The database password is read from the environment variable MHTRIGGER_DB_PASSWORD, never from the "
                    + "command line.",
            "Records imported from the page are screened as 'mhtrigger screen' screens them, with the --rules, "
                    + "--mappings and other screening options given here."
        })
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ReviewPortOption http;

    @Option(
            names = "--db",
            paramLabel = "JDBC-URL",
            defaultValue = "jdbc:h2:file:./data/mhtrigger",
            description = "Database, e.g. jdbc:postgresql://db.example.org:5432/mhtrigger (default: ${DEFAULT-VALUE}).")
    String db;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user.")
    String dbUser;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "Address to listen on; put a TLS-terminating proxy in front for other hosts "
                    + "(default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(
            names = "--audit-key",
            paramLabel = "FILE",
            defaultValue = "${env:MHTRIGGER_AUDIT_KEY_FILE}",
            description = "The audit chain's secret key file (HMAC-SHA-256; created with a random key on first start)."
                    + " Default: MHTRIGGER_AUDIT_KEY_FILE, else next to an H2 database as <database>.audit-key"
                    + " (./data/mhtrigger.audit-key); required for PostgreSQL. Keep it and back it up apart from the"
                    + " database: without it 'audit verify' cannot vouch for the trail.")
    String auditKey;

    @Option(
            names = "--input",
            arity = "1..*",
            paramLabel = "PATH",
            description = "FHIR input to screen and import on start (records already imported are skipped).")
    List<Path> inputs;

    @Mixin
    ScreeningOptions screening;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // one set of options for the records screened on start and for the imports from the page: edited rules and
        // mapping tables apply to both, as they do to mhtrigger screen
        org.mhtrigger.screening.ScreeningOptions options = screening.screening(spec.commandLine());
        List<ScreenedStay> screened = inputs == null ? List.of() : ImportPipeline.screen(options, inputs, err);
        ReviewSettings settings = new ReviewSettings(
                http.port,
                db,
                dbUser,
                System.getenv("MHTRIGGER_DB_PASSWORD"),
                TriggerCatalogue.standard().all(),
                bind,
                auditKey);
        try (ReviewServer server = ReviewServer.start(settings, options)) {
            DemoData data = server.bean(DemoData.class);
            data.firstAdmin()
                    .ifPresent(password -> out.println(
                            "created account 'admin' (role admin) with password " + password + " - note it now"));
            if (!screened.isEmpty()) {
                out.printf("imported %d of %d screened records%n", data.importStays(screened), screened.size());
            }
            out.printf("mhtrigger review UI: http://%s:%d/ (stop with Ctrl-C)%n", bind, server.port());
            out.flush();
            server.awaitTermination();
        }
        return Main.OK;
    }
}
