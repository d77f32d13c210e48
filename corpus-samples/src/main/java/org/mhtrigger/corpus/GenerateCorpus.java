package org.mhtrigger.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A dependency-free entry point for the generator, for builds and measurements that run without the
 * {@code mhtrigger} launcher: {@code java -cp ... org.mhtrigger.corpus.GenerateCorpus --stays N --seed S --out DIR
 * [--format bundle|ndjson] [--first-id K] [--traps none|default|all]}. The supported command is {@code ./mhtrigger corpus generate}.
 */
public final class GenerateCorpus {
    private GenerateCorpus() {}

    public static void main(String[] args) throws IOException {
        int stays = 200;
        long seed = 1;
        long firstId = 0;
        Path out = null;
        CorpusGenerator.Format format = CorpusGenerator.Format.BUNDLE;
        CorpusGenerator.Traps traps = CorpusGenerator.Traps.DEFAULT;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--stays" -> stays = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--first-id" -> firstId = Long.parseLong(value);
                case "--out" -> out = Path.of(value);
                case "--format" -> format = CorpusGenerator.Format.valueOf(value.toUpperCase(Locale.ROOT));
                case "--traps" -> traps = traps(value);
                default -> usage("unknown option " + args[i]);
            }
            i++;
        }
        if (out == null) {
            usage("--out DIR is required");
        }
        long started = System.nanoTime();
        GenerationSummary summary = new CorpusGenerator(
                        new CorpusGenerator.Settings(stays, seed, format, firstId, traps))
                .generate(out, (written, total) -> {
                    if (written % 1000 < 4 || written == total) {
                        double seconds = (System.nanoTime() - started) / 1e9;
                        System.err.printf(
                                Locale.ROOT, "\r%d/%d stays (%.0f stays/s)", written, total, written / seconds);
                    }
                });
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.println();
        System.out.printf(
                Locale.ROOT,
                "generated %d stays of %d patients: %d resources, %d notes, %d gold rows, %d mentions, %.1f MB in %.1f s%n",
                summary.stays(),
                summary.patients(),
                summary.resources(),
                summary.notes(),
                summary.goldRows(),
                summary.mentions(),
                summary.bytes() / 1e6,
                seconds);
    }

    private static CorpusGenerator.Traps traps(String value) {
        for (CorpusGenerator.Traps traps : CorpusGenerator.Traps.values()) {
            if (traps.name().equalsIgnoreCase(String.valueOf(value))) {
                return traps;
            }
        }
        usage("--traps must be none, default or all, not " + value);
        return CorpusGenerator.Traps.DEFAULT;
    }

    private static void usage(String problem) {
        System.err.println("GenerateCorpus: " + problem);
        System.err.println("usage: GenerateCorpus --stays N --seed S --out DIR [--format bundle|ndjson] [--first-id K]"
                + " [--traps none|default|all]");
        System.exit(2);
    }
}
