package org.mhtrigger.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.mhtrigger.app.internal.CommandScreening;
import org.mhtrigger.app.internal.GoldLabels;
import org.mhtrigger.engine.evaluation.Evaluation;
import org.mhtrigger.engine.evaluation.GoldMention;
import org.mhtrigger.engine.evaluation.MentionEvaluation;
import org.mhtrigger.engine.evaluation.TriggerScore;
import org.mhtrigger.engine.screen.Assertion;
import org.mhtrigger.engine.screen.Finding;
import org.mhtrigger.engine.screen.TextHit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mhtrigger evaluate}: screens and scores against gold labels at record level. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Screens the input and scores the findings against gold labels (CSV with header record,trigger).",
            "With mention-level gold (--mentions, or mentions.csv beside the gold file) it first scores mentions: "
                    + "detection of affirmed mentions and the accuracy of their context.",
            "Then prints one row per trigger at record level, and last: micro precision=… recall=… f1=… records=…"
        })
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    InputPaths input;

    @Mixin
    ScreeningOptions options;

    @Option(names = "--gold", required = true, paramLabel = "FILE", description = "Gold labels: CSV record,trigger.")
    Path gold;

    @Option(
            names = "--mentions",
            paramLabel = "FILE",
            description = "Mention-level gold: CSV record,note,start,end,trigger,assertion (default: mentions.csv "
                    + "beside the gold file, when there is one).")
    Path mentions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Map<String, Set<String>> expected = GoldLabels.read(gold);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CommandScreening pipeline = new CommandScreening(options.screening(spec.commandLine()), err, options.quiet);
        Path mentionFile = mentions != null ? mentions : beside(gold, "mentions.csv");
        List<GoldMention> goldMentions = mentionFile == null ? null : GoldLabels.readMentions(mentionFile);
        Map<String, Set<String>> predicted = new HashMap<>();
        List<GoldMention> found = new ArrayList<>();
        CommandScreening.Outcome outcome = pipeline.run(input.inputs, screening -> {
            Set<String> triggers = predicted.computeIfAbsent(screening.record(), r -> new TreeSet<>());
            screening.findings().stream().map(Finding::trigger).forEach(triggers::add);
            // what the product reports: affirmed mentions as they come out of the rules (a suicide attempt is also
            // self-harm; mentions outside the review window do not count); a finding stands for every affirmed
            // mention of its trigger in the same sentence of the same note, so those count as reported too
            java.util.Set<String> reported = new java.util.HashSet<>();
            for (Finding finding : screening.findings()) {
                if (finding.fromText()) {
                    reported.add(Finding.textKey(finding.trigger(), finding.at(), finding.evidence()));
                    found.add(new GoldMention(
                            screening.record(),
                            finding.source().id(),
                            finding.span(),
                            finding.trigger(),
                            Assertion.AFFIRMED));
                }
            }
            for (TextHit hit : screening.mentions()) {
                if (hit.affirmed() && reported.contains(Finding.textKey(hit.trigger(), hit.time(), hit.sentence()))) {
                    found.add(new GoldMention(
                            screening.record(), hit.source().id(), hit.span(), hit.trigger(), Assertion.AFFIRMED));
                }
            }
            for (TextHit hit : screening.suppressed()) {
                found.add(new GoldMention(
                        screening.record(), hit.source().id(), hit.span(), hit.trigger(), hit.assertion()));
            }
        });
        pipeline.printSummary(outcome);
        Set<String> missing = new TreeSet<>(expected.keySet());
        missing.removeAll(predicted.keySet());
        if (!missing.isEmpty()) {
            err.println("warning: " + missing.size() + " gold records were not in the screened input: "
                    + String.join(", ", missing.stream().limit(10).toList()) + (missing.size() > 10 ? ", …" : ""));
        }
        if (goldMentions != null) {
            Set<String> screened = predicted.keySet();
            List<GoldMention> inScope = goldMentions.stream()
                    .filter(m -> screened.contains(m.record()))
                    .toList();
            printMentions(out, MentionEvaluation.score(inScope, found), mentionFile);
        }
        Evaluation evaluation = Evaluation.score(expected, predicted);
        print(out, evaluation);
        return outcome.rejected() > 0 ? Main.REJECTED_INPUT : Main.OK;
    }

    private static Path beside(Path file, String name) {
        Path parent = file.toAbsolutePath().getParent();
        Path candidate = parent == null ? null : parent.resolve(name);
        return candidate != null && Files.isRegularFile(candidate) ? candidate : null;
    }

    /** One row per trigger: true and false positives, false negatives, precision, recall. */
    private static void printRows(PrintWriter out, List<TriggerScore> rows) {
        String row = "%-8s %6s %6s %6s %9s %7s%n";
        out.printf(Locale.ROOT, row, "trigger", "tp", "fp", "fn", "precision", "recall");
        for (TriggerScore s : rows) {
            out.printf(
                    Locale.ROOT,
                    row,
                    s.trigger(),
                    s.truePositives(),
                    s.falsePositives(),
                    s.falseNegatives(),
                    String.format(Locale.ROOT, "%.3f", s.precision()),
                    String.format(Locale.ROOT, "%.3f", s.recall()));
        }
    }

    static void printMentions(PrintWriter out, MentionEvaluation evaluation, Path file) {
        out.printf(Locale.ROOT, "mention level (affirmed mentions, gold %s):%n", file);
        printRows(out, evaluation.perTrigger());
        TriggerScore micro = evaluation.micro();
        out.printf(
                Locale.ROOT,
                "mentions %s context-accuracy=%.3f (%d of %d found gold mentions)%n",
                scores(micro),
                evaluation.contextAccuracy(),
                evaluation.contextCorrect(),
                evaluation.contextFound());
        out.println();
        out.println("record level:");
    }

    static void print(PrintWriter out, Evaluation evaluation) {
        printRows(out, evaluation.perTrigger());
        TriggerScore micro = evaluation.micro();
        out.printf(Locale.ROOT, "micro %s records=%d%n", scores(micro), evaluation.records());
        out.flush();
    }

    /** {@code precision=… recall=… f1=…}, three decimals each. */
    private static String scores(TriggerScore score) {
        return String.format(
                Locale.ROOT, "precision=%.3f recall=%.3f f1=%.3f", score.precision(), score.recall(), score.f1());
    }
}
