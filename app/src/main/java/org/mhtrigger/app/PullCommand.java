package org.mhtrigger.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.mhtrigger.fhir.pseudonym.Pseudonymiser;
import org.mhtrigger.fhir.server.BulkExport;
import org.mhtrigger.fhir.server.PullListener;
import org.mhtrigger.fhir.server.PullSummary;
import org.mhtrigger.fhir.server.SearchPull;
import org.mhtrigger.fhir.server.ServerOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mhtrigger pull}: copies stays from a FHIR server into NDJSON files that {@code screen --input} reads. */
@Command(
        name = "pull",
        mixinStandardHelpOptions = true,
        description = {
            "Pulls the finished inpatient stays discharged from --from to --to from a FHIR R4 server into one NDJSON "
                    + "file per resource type in --out, by paged searches per stay (or, with --bulk, by a Bulk Data "
                    + "$export). Then: mhtrigger screen --input OUT.",
            "Requests that fail with 429, 5xx, a timeout or a dropped connection are retried with backoff, waiting "
                    + "as Retry-After says. An interrupted pull continues where it stopped when run again with the "
                    + "same options and --out, without duplicates or gaps. Progress goes to stderr.",
            "The anonymisation guard applies when the files are screened.",
            "",
            "Credentials (--token-file, SMART tokens) go only to the server's own origin (scheme, host, port): a "
                    + "next link or bulk file URL elsewhere is fetched without them. A next link that leads back to a "
                    + "page already read ends the pull. With --pseudonymise-key, neither the files, the state file "
                    + "nor the progress lines hold an original id or date.",
            "",
            "Exit status: 0 done; 1 the server refused, kept failing or looped (rerun to resume); 2 usage error; 3 the "
                    + "pull read no resources, or a bulk output file was not NDJSON (listed on stderr)."
        })
final class PullCommand implements Callable<Integer> {
    @Option(names = "--server", required = true, paramLabel = "URL", description = "The FHIR R4 base URL.")
    URI server;

    @Option(
            names = "--from",
            paramLabel = "DATE",
            description = "First discharge day (UTC), e.g. 2026-03-01; required unless --bulk.")
    LocalDate from;

    @Option(
            names = "--to",
            paramLabel = "DATE",
            description = "Last discharge day (UTC), included, e.g. 2026-03-31; required unless --bulk.")
    LocalDate to;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the NDJSON files.")
    Path out;

    @Mixin
    PullSourceOptions source;

    @Mixin
    ServerAccessOptions access;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        ServerOptions options = access.toServerOptions(server, spec.commandLine());
        Pseudonymiser pseudonymiser = source.pseudonymiser();
        PullListener listener = quiet
                ? PullListener.SILENT
                : message -> {
                    err.println("pull: " + message);
                    err.flush();
                };
        PullSummary summary;
        if (source.isBulk()) {
            String group = source.bulkGroup(spec.commandLine());
            BulkExport export = new BulkExport(options, listener);
            summary = (pseudonymiser == null ? export : export.pseudonymisingWith(pseudonymiser)).export(group, out);
        } else {
            if (from == null || to == null) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--from and --to are required unless --bulk is given");
            }
            if (to.isBefore(from)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--to " + to + " must not be before --from " + from);
            }
            SearchPull pull = new SearchPull(options, listener);
            summary = (pseudonymiser == null ? pull : pull.pseudonymisingWith(pseudonymiser)).pull(from, to, out);
        }
        if (!quiet) {
            err.printf(
                    "pulled %d %s into %s: %d resources written by this run, %d requests, %d retries%s%n",
                    summary.stays(),
                    source.isBulk() ? "files" : "stays",
                    out,
                    summary.resources(),
                    summary.requests(),
                    summary.retries(),
                    summary.resumed() ? " (resumed)" : "");
        }
        return PullOutcome.exitCode(summary, server, err);
    }
}
