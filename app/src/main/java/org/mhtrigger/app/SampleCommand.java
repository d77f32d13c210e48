package org.mhtrigger.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.sampling.ReviewPeriod;
import org.mhtrigger.engine.sampling.SampleManifest;
import org.mhtrigger.engine.sampling.Sampler;
import org.mhtrigger.engine.sampling.SamplingCriteria;
import org.mhtrigger.engine.sampling.SamplingUnit;
import org.mhtrigger.engine.screen.Rejection;
import org.mhtrigger.fhir.ReadSummary;
import org.mhtrigger.fhir.RecordListener;
import org.mhtrigger.screening.ScreeningPipeline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mhtrigger sample}: draws a reproducible review sample and writes its manifest as JSON. */
@Command(
        name = "sample",
        mixinStandardHelpOptions = true,
        description = {
            "Draws a seeded random sample of closed stays for trigger-tool review and writes a JSON manifest: the "
                    + "period, the criteria, the seed, the frame size, the protocol version and the chosen "
                    + "encounter ids in draw order. The same input, options and seed always give the same manifest.",
            "Frame: stays discharged in the period (UTC days), aged at least --min-age at admission and staying at "
                    + "least --min-los-hours.",
            "",
            "Exit status: 0 all input read; 3 some input rejected (listed on stderr; the sample is drawn from the "
                    + "rest); 2 usage error; 1 unexpected failure."
        })
final class SampleCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Mixin
    InputPaths input;

    @Option(
            names = "--period",
            required = true,
            paramLabel = "PERIOD",
            description = "Review period: a month (2026-03) or first and last day (2026-03-01/2026-03-14).")
    String period;

    @Option(
            names = "--size",
            defaultValue = "20",
            paramLabel = "N",
            description = "Number of stays to draw (default: ${DEFAULT-VALUE}; 10 suits a fortnight). A smaller "
                    + "frame is taken whole.")
    int size;

    @Option(
            names = "--seed",
            paramLabel = "SEED",
            description = "Seed of the draw (default: a fresh random seed, printed and stored in the manifest).")
    Long seed;

    @Option(
            names = "--stratify",
            paramLabel = "KEY",
            description = "Stratify the draw with proportional allocation; only 'ward' is supported.")
    String stratify;

    @Option(
            names = "--min-age",
            defaultValue = "18",
            paramLabel = "YEARS",
            description = "Minimum age at admission in years; 0 drops the age rule (default: ${DEFAULT-VALUE}).")
    int minAge;

    @Option(
            names = "--min-los-hours",
            defaultValue = "24",
            paramLabel = "HOURS",
            description = "Minimum length of stay in hours (default: ${DEFAULT-VALUE}).")
    double minLosHours;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the manifest to FILE instead of stdout.")
    Path out;

    @Mixin
    ReadingOptions reading;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        ReviewPeriod reviewPeriod;
        SamplingCriteria criteria;
        try {
            reviewPeriod = ReviewPeriod.parse(period);
            criteria = new SamplingCriteria(minAge, minLosHours, stratify);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (size < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--size " + size + " must be >= 0");
        }
        long drawSeed = seed != null ? seed : new SecureRandom().nextLong();

        List<SamplingUnit> stays = new ArrayList<>();
        int[] rejected = {0};
        ReadSummary summary =
                ScreeningPipeline.read(reading.screening(spec.commandLine()), input.inputs, new RecordListener() {
                    @Override
                    public void record(StayRecord record) {
                        stays.add(SamplingUnit.of(record));
                    }

                    @Override
                    public void rejected(Rejection rejection) {
                        rejected[0]++;
                        err.println("rejected: " + rejection);
                    }

                    @Override
                    public void warning(Rejection warning) {
                        err.println("warning: " + warning);
                    }
                });
        SampleManifest manifest = Sampler.draw(stays, reviewPeriod, criteria, size, drawSeed);

        String json = JSON.writeValueAsString(toJson(manifest)) + System.lineSeparator();
        if (out == null) {
            spec.commandLine().getOut().print(json);
            spec.commandLine().getOut().flush();
        } else {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, json);
        }
        if (!reading.quiet) {
            err.printf(
                    "sampled %d of %d stays in the frame (%d records read, period %s, seed %d)%n",
                    manifest.chosen().size(), manifest.frameSize(), summary.records(), reviewPeriod.label(), drawSeed);
        }
        return rejected[0] > 0 ? Main.REJECTED_INPUT : Main.OK;
    }

    /** The manifest as JSON; field names follow the engine's {@link SampleManifest}. */
    static ObjectNode toJson(SampleManifest manifest) {
        ObjectNode root = JSON.createObjectNode();
        root.put("protocolVersion", manifest.protocolVersion());
        ObjectNode period = root.putObject("period");
        period.put("label", manifest.period().label());
        period.put("start", manifest.period().start().toString());
        period.put("endExclusive", manifest.period().endExclusive().toString());
        ObjectNode criteria = root.putObject("criteria");
        criteria.put("minAgeYears", manifest.criteria().minAgeYears());
        criteria.put("minLengthOfStayHours", manifest.criteria().minLengthOfStayHours());
        if (manifest.criteria().stratifyBy() == null) {
            criteria.putNull("stratifyBy");
        } else {
            criteria.put("stratifyBy", manifest.criteria().stratifyBy());
        }
        root.put("seed", manifest.seed());
        root.put("requestedSize", manifest.requestedSize());
        root.put("frameSize", manifest.frameSize());
        ArrayNode chosen = root.putArray("chosen");
        manifest.chosen().forEach(chosen::add);
        return root;
    }
}
