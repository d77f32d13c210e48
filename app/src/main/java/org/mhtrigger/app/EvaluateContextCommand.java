package org.mhtrigger.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.mhtrigger.engine.ConfigurationException;
import org.mhtrigger.engine.evaluation.ContextKit;
import org.mhtrigger.engine.evaluation.ContextKitScore;
import org.mhtrigger.engine.evaluation.ContextLabels;
import org.mhtrigger.engine.record.TextSpan;
import org.mhtrigger.engine.text.ClinicalAnalyzer;
import org.mhtrigger.engine.text.context.ContextClassifier;
import org.mhtrigger.engine.text.context.CueCategory;
import org.mhtrigger.engine.text.context.MentionContext;
import org.mhtrigger.rules.RulesConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mhtrigger evaluate-context}: scores the context classifier on an annotated sentence kit. */
@Command(
        name = "evaluate-context",
        mixinStandardHelpOptions = true,
        description = {
            "Classifies each condition of a NegEx/ConText annotated sentence kit in its sentence with the context "
                    + "cues in force and scores negated, historical, hypothetical (Not particular) and other "
                    + "(experiencer Other or Family member).",
            "Kit: tab-separated, header line first; columns line number, condition, sentence, negation, temporality, "
                    + "experiencer. Lines whose condition is not in the sentence (case-insensitive) are skipped.",
            "Prints per attribute tp, fp, fn, precision, recall, F1 and accuracy, then sentences per second on one "
                    + "thread (by the wall clock, and per CPU-second of that thread, which other load does not change), "
                    + "and last:",
            "  negated=F1 historical=F1 hypothetical=F1 other=F1 lines=N skipped=M"
        })
final class EvaluateContextCommand implements Callable<Integer> {
    /**
     * Kit sentences come without an admission or note date, so dates in them cannot be resolved against an
     * admission: the admission is put before any date they write (a date without a year is read as the latest such
     * day before the note, so within a year of it), and the note a century after it.
     */
    static final Instant KIT_ADMITTED = Instant.parse("1800-01-01T00:00:00Z");

    static final Instant KIT_WRITTEN = Instant.parse("1900-02-01T00:00:00Z");

    /** The trigger code the kit's conditions are classified as: none of ours, so trigger-specific cues stay out. */
    static final String KIT_TRIGGER = "KIT";

    @Option(names = "--kit", required = true, paramLabel = "FILE", description = "The annotated kit (TSV).")
    Path kit;

    @Option(
            names = "--rules",
            paramLabel = "DIR",
            description = "Folder with edited rule configuration (context-cues.csv, sections.csv, …); files present "
                    + "there replace the defaults.")
    Path rulesDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ContextKit lines;
        try {
            lines = ContextKit.parse(kit.toString(), Files.readAllLines(kit, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("kit " + kit + " does not exist");
        }
        RulesConfig rules = rulesDir == null ? RulesConfig.defaults() : RulesConfig.load(rulesDir);
        ContextClassifier classifier = new ContextClassifier(rules.context(), new ClinicalAnalyzer());
        Function<ContextKit.Line, ContextLabels> ours = line -> labels(classifier, line);
        PrintWriter out = spec.commandLine().getOut();
        ContextKitScore score = ContextKitScore.of(lines, ours);
        print(out, "mhtrigger context cues", score);
        out.println(speed(lines, ours));
        out.println(score.summary());
        return 0;
    }

    /** The attributes our classifier gives a kit line's condition. */
    static ContextLabels labels(ContextClassifier classifier, ContextKit.Line line) {
        MentionContext context = classifier.assess(
                line.sentence(),
                new TextSpan(0, line.sentence().length()),
                line.condition(),
                KIT_TRIGGER,
                KIT_WRITTEN,
                KIT_ADMITTED);
        // the kit's "Not particular" is ConText's hypothetical: a possibility ("rule out") is affirmed there
        return new ContextLabels(
                context.has(CueCategory.NEGATED),
                context.has(CueCategory.HISTORICAL),
                context.has(CueCategory.HYPOTHETICAL),
                context.has(CueCategory.OTHER_EXPERIENCER));
    }

    /** One row per attribute under a title line. */
    static void print(PrintWriter out, String title, ContextKitScore score) {
        out.println(title);
        out.printf(
                Locale.ROOT,
                "%-13s %5s %5s %5s %9s %7s %6s %8s%n",
                "attribute",
                "tp",
                "fp",
                "fn",
                "precision",
                "recall",
                "f1",
                "accuracy");
        for (ContextKitScore.Attribute a : score.attributes()) {
            out.printf(
                    Locale.ROOT,
                    "%-13s %5d %5d %5d %9.3f %7.3f %6.3f %8.3f%n",
                    a.name(),
                    a.truePositives(),
                    a.falsePositives(),
                    a.falseNegatives(),
                    a.score().precision(),
                    a.score().recall(),
                    a.score().f1(),
                    a.accuracy());
        }
    }

    /**
     * Sentences classified per second on one thread, after a warm-up, over at least two seconds: by the wall clock,
     * and per second of that thread's own CPU time, which other work on the machine does not change (on a busy
     * machine the wall-clock figure falls, the CPU figure does not).
     */
    record Speed(double wallClock, double perCpuSecond) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "sentences/s: %,.0f (one thread, wall clock); %,.0f per CPU-second of that thread",
                    wallClock,
                    perCpuSecond);
        }
    }

    static Speed speed(ContextKit kit, Function<ContextKit.Line, ContextLabels> classifier) {
        if (kit.lines().isEmpty()) {
            return new Speed(0, 0);
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int sink = 0;
        // warm-up: at least 20 passes and 3 s, so that the compiled code is measured even when the compiler threads
        // wait for a busy machine
        long warmUp = System.nanoTime();
        for (int pass = 0; pass < 20 || System.nanoTime() - warmUp < 3_000_000_000L; pass++) {
            for (ContextKit.Line line : kit.lines()) {
                sink += classifier.apply(line).hashCode();
            }
        }
        long sentences = 0;
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long elapsed;
        do {
            for (ContextKit.Line line : kit.lines()) {
                sink += classifier.apply(line).hashCode();
            }
            sentences += kit.lines().size();
            elapsed = System.nanoTime() - start;
        } while (elapsed < 2_000_000_000L);
        long cpu = Math.max(1, threads.getCurrentThreadCpuTime() - cpuStart);
        if (sink == 42) {
            Thread.onSpinWait(); // keeps the results alive for the JIT
        }
        return new Speed(sentences * 1e9 / elapsed, sentences * 1e9 / cpu);
    }
}
