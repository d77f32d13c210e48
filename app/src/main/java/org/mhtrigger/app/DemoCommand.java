package org.mhtrigger.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/** {@code mhtrigger demo}: the review UI on an embedded database with the bundled synthetic records. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Starts the review UI on http://localhost:PORT with the bundled synthetic records imported, screened and "
                    + "a month's review sample drawn, on an embedded H2 database under --data. Prints one demo account "
                    + "per role (reviewer, physician, safety-lead, admin) with a fresh password on every start.",
            "Listens on 127.0.0.1 only. Stop it with Ctrl-C; the database is kept for the next start, with the audit "
                    + "chain's key beside it (demo.audit-key)."
        })
final class DemoCommand implements Callable<Integer> {
    @Mixin
    ReviewPortOption http;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "data",
            description = "Folder of the embedded demo database (default: ./${DEFAULT-VALUE}).")
    Path data;

    @Option(
            names = "--input",
            arity = "1..*",
            paramLabel = "PATH",
            description = "FHIR input to import instead of the bundled samples (corpus-samples/handwritten and "
                    + "corpus-samples/sample/ndjson).")
    List<Path> inputs;

    @Option(
            names = "--sample-size",
            defaultValue = "20",
            paramLabel = "N",
            description = "Stays in the demo month's sample (default: ${DEFAULT-VALUE}).")
    int sampleSize;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> sources = inputs != null ? inputs : bundledSamples();
        if (sources.isEmpty()) {
            err.println("mhtrigger demo: no bundled samples found; run it from the source tree or give --input");
            return Main.USAGE;
        }
        err.println("mhtrigger demo: screening " + sources.size() + " input folder(s)...");
        List<ScreenedStay> screened = ImportPipeline.screen(sources, err);
        Path database = data.toAbsolutePath().resolve("demo");
        ReviewSettings settings = new ReviewSettings(
                http.port,
                "jdbc:h2:file:" + database,
                "",
                "",
                TriggerCatalogue.standard().all(),
                "127.0.0.1");
        try (ReviewServer server = ReviewServer.start(settings)) {
            DemoData.Summary summary = server.bean(DemoData.class).seed(screened, sampleSize, 1L);
            out.printf("mhtrigger review UI (demo): http://localhost:%d/%n", server.port());
            out.printf(
                    "  %d records screened, %d newly imported; review period %s with %d sampled records%n",
                    screened.size(), summary.imported(), summary.period(), summary.sampled());
            out.println("  demo accounts (fresh passwords on every start):");
            for (Map.Entry<String, String> account : summary.accounts().entrySet()) {
                out.printf("    %-12s %s%n", account.getKey(), account.getValue());
            }
            out.println("  database: " + database + " (H2); stop with Ctrl-C");
            out.flush();
            server.awaitTermination();
        }
        return Main.OK;
    }

    private static List<Path> bundledSamples() {
        Path home = Path.of(System.getProperty("mhtrigger.home", "."));
        List<Path> found = new ArrayList<>();
        for (Path candidate :
                List.of(home.resolve("corpus-samples/handwritten"), home.resolve("corpus-samples/sample/ndjson"))) {
            if (Files.isDirectory(candidate)) {
                found.add(candidate);
            }
        }
        return found;
    }
}
