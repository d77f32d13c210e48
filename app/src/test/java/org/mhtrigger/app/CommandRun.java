package org.mhtrigger.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/** Runs the mhtrigger command in-process and keeps what it printed. */
record CommandRun(int exitCode, String out, String err) {
    static final Path CORPUS = Path.of(System.getProperty("mhtrigger.corpus", "../corpus-samples"));
    static final Path HANDWRITTEN = CORPUS.resolve("handwritten");
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    static CommandRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    List<String> outLines() {
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    /** The value of {@code field} in every JSON line of the output (findings as jsonl), sorted. */
    List<String> outField(String field) {
        List<String> values = new java.util.ArrayList<>();
        for (String line : outLines()) {
            try {
                values.add(JSON.readTree(line).get(field).asText());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("not a JSON line: " + line, e);
            }
        }
        return values.stream().sorted().toList();
    }

    List<String> errLines() {
        return err.lines().filter(l -> !l.isBlank()).toList();
    }
}
