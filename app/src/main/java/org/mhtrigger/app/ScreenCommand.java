package org.mhtrigger.app;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.mhtrigger.app.internal.CommandScreening;
import org.mhtrigger.app.internal.FindingFormat;
import org.mhtrigger.app.internal.FindingWriter;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.fhir.pseudonym.Pseudonymiser;
import org.mhtrigger.fhir.server.BulkExport;
import org.mhtrigger.fhir.server.PullListener;
import org.mhtrigger.fhir.server.PullSummary;
import org.mhtrigger.fhir.server.SearchPull;
import org.mhtrigger.fhir.server.ServerOptions;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mhtrigger screen}: screens records from files or straight from a FHIR server and writes findings. */
@Command(
        name = "screen",
        mixinStandardHelpOptions = true,
        description = {
            "Screens inpatient stays in FHIR R4 input for triggers and writes one finding per trigger hit.",
            "With --server instead of --input, first pulls the stays discharged from --from to --to from the FHIR "
                    + "server as 'mhtrigger pull' does (into a temporary folder, removed afterwards, or into --keep "
                    + "DIR, where a rerun resumes an interrupted pull), then screens those stays. With --bulk, the "
                    + "pull is a Bulk Data $export, and --from/--to, if given, choose the stays to screen from it.",
            "",
            "Exit status: 0 all input read; 3 some input rejected (listed on stderr, one line each; findings for the "
                    + "rest are written); 2 usage error; 1 unexpected failure, or the server refused or kept failing."
        })
final class ScreenCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** Files, or a server. */
    static final class Source {
        @Option(
                names = "--input",
                arity = "1..*",
                paramLabel = "PATH",
                description =
                        "FHIR R4 JSON resources or Bundles, or Bulk Data NDJSON files; folders are read recursively.")
        List<Path> inputs;

        @Option(
                names = "--server",
                paramLabel = "URL",
                description = "A FHIR R4 base URL to pull the stays from (needs --from and --to).")
        URI server;
    }

    @Mixin
    ScreeningOptions options;

    @Option(
            names = "--from",
            paramLabel = "DATE",
            description = "With --server: first discharge day (UTC), e.g. 2026-03-01.")
    LocalDate from;

    @Option(
            names = "--to",
            paramLabel = "DATE",
            description = "With --server: last discharge day (UTC), included, e.g. 2026-03-31.")
    LocalDate to;

    @Option(
            names = "--keep",
            paramLabel = "DIR",
            description = "With --server: pull into DIR and keep the NDJSON files there instead of a temporary folder.")
    Path keep;

    @Mixin
    ServerAccessOptions access;

    @Mixin
    PullSourceOptions pulling;

    @Option(names = "--out", paramLabel = "FILE", description = "Write findings to FILE instead of stdout.")
    Path out;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "jsonl",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    FindingFormat format;

    @Option(
            names = "--explain",
            description = "Also list mentions suppressed by their context (negated, historical, hypothetical, "
                    + "other person, policy) with the reason.")
    boolean explain;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (source.server == null) {
            if (from != null || to != null || keep != null || pulling.isBulk() || pulling.pseudonymiseKey != null) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--from, --to, --keep, --bulk and --pseudonymise-key go with --server, not --input");
            }
            return screen(source.inputs, record -> true);
        }
        if ((from == null || to == null) && !(pulling.isBulk() && from == null && to == null)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--server needs --from and --to (with --bulk, both or neither)");
        }
        if (from != null && to.isBefore(from)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--to " + to + " must not be before --from " + from);
        }
        ServerOptions server = access.toServerOptions(source.server, spec.commandLine());
        String group = pulling.isBulk() ? pulling.bulkGroup(spec.commandLine()) : null;
        Pseudonymiser pseudonymiser = pulling.pseudonymiser();
        Path folder = keep != null ? keep : Files.createTempDirectory("mhtrigger-pull-");
        try {
            PullSummary summary;
            if (pulling.isBulk()) {
                BulkExport export = new BulkExport(server, progress(err));
                summary = (pseudonymiser == null ? export : export.pseudonymisingWith(pseudonymiser))
                        .export(group, folder);
            } else {
                SearchPull pull = new SearchPull(server, progress(err));
                summary =
                        (pseudonymiser == null ? pull : pull.pseudonymisingWith(pseudonymiser)).pull(from, to, folder);
            }
            if (!options.quiet) {
                err.printf(
                        "pulled %d %s: %d resources, %d requests, %d retries%s%n",
                        summary.stays(),
                        pulling.isBulk() ? "files" : "stays",
                        summary.resources(),
                        summary.requests(),
                        summary.retries(),
                        summary.resumed() ? " (resumed)" : "");
            }
            // a pull also brings the patients' other stays, for transfers and readmissions: screen only the stays
            // a search selected (by id, as pseudonymised dates no longer fall in the range), or for an export the
            // range if one was given
            Predicate<StayRecord> include;
            if (!pulling.isBulk()) {
                Set<String> selected = new HashSet<>(summary.selected());
                include = record -> selected.contains(record.stay().encounterId());
            } else if (from != null) {
                include = record -> dischargedWithin(record, from, to);
            } else {
                include = record -> true;
            }
            int pulled = PullOutcome.exitCode(summary, source.server, err);
            int screened = screen(List.of(folder), include);
            return pulled != Main.OK ? pulled : screened;
        } finally {
            if (keep == null) {
                deleteTree(folder);
            }
        }
    }

    private Integer screen(List<Path> inputs, Predicate<StayRecord> include) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        CommandScreening pipeline = new CommandScreening(options.screening(spec.commandLine()), err, options.quiet);
        CommandScreening.Outcome outcome;
        try (Writer target = open();
                FindingWriter writer = format.open(target, explain)) {
            outcome = pipeline.run(inputs, include, writer::write);
        }
        pipeline.printSummary(outcome);
        return outcome.rejected() > 0 ? Main.REJECTED_INPUT : Main.OK;
    }

    private PullListener progress(PrintWriter err) {
        return options.quiet
                ? PullListener.SILENT
                : message -> {
                    err.println("pull: " + message);
                    err.flush();
                };
    }

    /** As the pull selects stays: by the UTC day of discharge, both ends included. */
    static boolean dischargedWithin(StayRecord record, LocalDate from, LocalDate to) {
        LocalDate day = record.stay().discharged().atZone(ZoneOffset.UTC).toLocalDate();
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private Writer open() throws IOException {
        if (out == null) {
            return new NonClosingWriter(spec.commandLine().getOut());
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8));
    }

    /** Leaves stdout open for the command line after the findings are written. */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
