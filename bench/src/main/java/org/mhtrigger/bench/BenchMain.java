package org.mhtrigger.bench;

import java.io.PrintWriter;
import org.mhtrigger.app.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The benchmark commands of {@code ./mhtrigger}, run from this module's jar so that the product jar carries no load
 * testing code. Exit codes as {@link Main}'s: 0 done, 2 usage, 1 failure.
 */
@Command(
        name = "mhtrigger",
        mixinStandardHelpOptions = true,
        versionProvider = BenchMain.Version.class,
        description = "Benchmarks of mhtrigger: screening speed, its phases, and the review UI under load.",
        subcommands = {BenchCommand.class, BenchPhasesCommand.class, BenchUiCommand.class, CommandLine.HelpCommand.class
        })
public final class BenchMain implements Runnable {
    /** Done. */
    public static final int OK = Main.OK;
    /** Unexpected failure, or a measured run failed. */
    public static final int FAILURE = Main.FAILURE;
    /** The command line was wrong. */
    public static final int USAGE = Main.USAGE;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(Main.execute(new BenchMain(), args));
    }

    /** The configured command line writing to {@code out} and {@code err}; tests drive it in-process. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return Main.configured(new BenchMain(), out, err);
    }

    @Override
    public void run() {
        throw Main.commandRequired(spec.commandLine());
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return Main.version("mhtrigger benchmarks", BenchMain.class);
        }
    }
}
