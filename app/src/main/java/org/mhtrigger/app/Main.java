package org.mhtrigger.app;

import java.io.PrintWriter;
import java.util.List;
import org.mhtrigger.engine.MhTriggerException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mhtrigger} command line. Exit codes: 0 all input read, 3 some input rejected, 2 usage, 1 failure; 4 the
 * audit chain is broken ({@code audit verify}).
 */
@Command(
        name = "mhtrigger",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Screens mental-health inpatient records for triggers of possible harm, for trigger-tool review.",
        footer = {
            "",
            "Benchmarks run from the bench module, not this jar: ./mhtrigger bench (screen against HAPI FHIR's parser"
                    + " alone), bench-phases, bench-ui; ./mhtrigger bench --help for each."
        })
public final class Main implements Runnable {
    /**
     * The commands, in the order help lists them. Each run builds only the one it names: picocli reads every option of
     * every command it is given by reflection, which for all of them took 0.2 to 0.4 s before anything ran.
     */
    private static final List<Class<?>> COMMANDS = List.of(
            ScreenCommand.class,
            EvaluateCommand.class,
            EvaluateContextCommand.class,
            CorpusCommand.class,
            DemoCommand.class,
            ServeCommand.class,
            SampleCommand.class,
            PullCommand.class,
            ReportCommand.class,
            AuditCommand.class,
            CommandLine.HelpCommand.class);

    /** All input was read. */
    public static final int OK = 0;
    /** Unexpected failure. */
    public static final int FAILURE = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** Some input was rejected; the rest was processed. */
    public static final int REJECTED_INPUT = 3;

    /**
     * Lucene notes through java.util.logging that the vector incubator module is not enabled; mhtrigger does no vector
     * search, so the note is noise for users. Held here so that the logger and its level are not collected.
     */
    private static final java.util.logging.Logger LUCENE_VECTORIZATION =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(
                commandLine(
                        args.length > 0 ? args[0] : null,
                        new PrintWriter(System.out, true),
                        new PrintWriter(System.err, true)),
                args));
    }

    /**
     * Adds the command {@code first} names, or all of them when it names none exactly (no command, help, or a typing
     * slip that picocli answers with the commands it resembles).
     */
    static void addCommands(CommandLine cli, String first) {
        for (Class<?> type : COMMANDS) {
            if (first != null && first.equals(type.getAnnotation(Command.class).name()) && !"help".equals(first)) {
                cli.addSubcommand(type);
                return;
            }
        }
        for (Class<?> type : COMMANDS) {
            cli.addSubcommand(type);
        }
    }

    /**
     * Runs {@code args} against the command {@code root} (this one, or another tool's built the same way) on the
     * standard streams and returns the exit code.
     */
    public static int execute(Object root, String[] args) {
        return execute(configured(root, new PrintWriter(System.out, true), new PrintWriter(System.err, true)), args);
    }

    private static int execute(CommandLine cli, String[] args) {
        LUCENE_VECTORIZATION.setLevel(java.util.logging.Level.OFF);
        return cli.execute(args);
    }

    /** The configured command line writing to {@code out} and {@code err}; tests drive it in-process. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(null, out, err);
    }

    /** The command line with the command {@code first} names (see {@link #addCommands}). */
    private static CommandLine commandLine(String first, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        addCommands(cli, first);
        return configure(cli, out, err);
    }

    /**
     * {@code root}'s command line writing to {@code out} and {@code err}, with mhtrigger's failure policy: one line for
     * our own errors, exit {@link #FAILURE}.
     */
    public static CommandLine configured(Object root, PrintWriter out, PrintWriter err) {
        return configure(new CommandLine(root), out, err);
    }

    /** {@link #configured} for a command line already built, subcommands and all. */
    private static CommandLine configure(CommandLine cli, PrintWriter out, PrintWriter err) {
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof MhTriggerException) {
                commandLine.getErr().println("mhtrigger: " + e.getMessage());
            } else {
                commandLine.getErr().println("mhtrigger: unexpected failure: " + e);
                e.printStackTrace(commandLine.getErr());
            }
            return FAILURE;
        });
        return cli;
    }

    @Override
    public void run() {
        throw commandRequired(spec.commandLine());
    }

    /** The usage error of a root command ({@code mhtrigger}, the benchmarks' own) run without a subcommand. */
    public static CommandLine.ParameterException commandRequired(CommandLine commandLine) {
        return new CommandLine.ParameterException(commandLine, "a command is required (see --help)");
    }

    /**
     * The version line of {@code tool}: the version in the manifest of the jar that holds {@code type}, or
     * "development build" when run from classes.
     */
    public static String[] version(String tool, Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        return new String[] {tool + " " + (version == null ? "development build" : version)};
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return version("mhtrigger", Main.class);
        }
    }
}
