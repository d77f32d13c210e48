package org.mhtrigger.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Runs the benchmark command line in-process and keeps what it printed. */
record CommandRun(int exitCode, String out, String err) {
    static CommandRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenchMain.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
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
