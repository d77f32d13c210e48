package org.mhtrigger.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/** Runs the mhtrigger command in-process and keeps what it printed. */
record CommandRun(int exitCode, String out, String err) {
    static final Path CORPUS = Path.of(System.getProperty("mhtrigger.corpus", "../corpus-samples"));
    static final Path HANDWRITTEN = CORPUS.resolve("handwritten");

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

    List<String> errLines() {
        return err.lines().filter(l -> !l.isBlank()).toList();
    }
}
