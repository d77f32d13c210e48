package org.mhtrigger.app;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mhtrigger.app.internal.FindingFormat;
import org.mhtrigger.app.internal.FindingWriter;
import org.mhtrigger.app.internal.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mhtrigger screen}: screens records and writes findings. */
@Command(
        name = "screen",
        mixinStandardHelpOptions = true,
        description = {
            "Screens inpatient stays in FHIR R4 input for triggers and writes one finding per trigger hit.",
            "",
            "Exit status: 0 all input read; 3 some input rejected (listed on stderr, one line each; findings for the "
                    + "rest are written); 2 usage error; 1 unexpected failure."
        })
final class ScreenCommand implements Callable<Integer> {
    @Mixin
    InputOptions input;

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
        var err = spec.commandLine().getErr();
        Pipeline pipeline = new Pipeline(input.stripIdentifiers, input.rulesDir, input.mappingsDir, err, input.quiet);
        Pipeline.Outcome outcome;
        try (Writer target = open();
                FindingWriter writer = format.open(target, explain)) {
            outcome = pipeline.run(input.inputs, writer::write);
        }
        pipeline.printSummary(outcome);
        return outcome.rejected() > 0 ? Main.REJECTED_INPUT : Main.OK;
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
