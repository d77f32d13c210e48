package org.mhtrigger.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that screen records, wherever the records come from. */
class ScreeningOptions extends ReadingOptions {
    @Option(
            names = "--rules",
            paramLabel = "DIR",
            description = "Folder with edited rule configuration (thresholds.csv, ingredient-classes.csv, "
                    + "catalogue.csv); files present there replace the defaults.")
    Path rulesDir;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Threads that parse and screen records; 1 reads and screens on the calling thread alone "
                    + "(default: the number of processors). Output is the same, in the same order, whatever N.")
    Integer threads;

    /** The --threads value, checked. */
    int threads(picocli.CommandLine commandLine) {
        if (threads == null) {
            return org.mhtrigger.app.internal.CommandScreening.defaultThreads();
        }
        if (threads < 1) {
            throw new picocli.CommandLine.ParameterException(commandLine, "--threads must be at least 1");
        }
        return threads;
    }

    @Override
    org.mhtrigger.screening.ScreeningOptions screening(picocli.CommandLine commandLine) {
        return super.screening(commandLine).withRulesDirectory(rulesDir).withThreads(threads(commandLine));
    }
}
