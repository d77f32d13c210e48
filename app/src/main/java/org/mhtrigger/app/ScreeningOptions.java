package org.mhtrigger.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that screen records, wherever the records come from. */
class ScreeningOptions {
    @Option(
            names = "--strip-identifiers",
            description = "Remove names, addresses, telecom and national identifiers instead of refusing the record.")
    boolean stripIdentifiers;

    @Option(
            names = "--rules",
            paramLabel = "DIR",
            description = "Folder with edited rule configuration (thresholds.csv, ingredient-classes.csv, "
                    + "catalogue.csv); files present there replace the defaults.")
    Path rulesDir;

    @Option(
            names = "--mappings",
            paramLabel = "DIR",
            description = "Folder with edited code mapping tables (analytes.csv, units.csv, ingredients.csv, …); "
                    + "files present there replace the defaults.")
    Path mappingsDir;

    @Option(names = "--quiet", description = "No progress or summary on stderr (rejections are still listed).")
    boolean quiet;
}
