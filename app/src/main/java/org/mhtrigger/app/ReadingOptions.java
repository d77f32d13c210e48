package org.mhtrigger.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that read records from FHIR input: the anonymisation guard, mappings, quiet. */
class ReadingOptions {
    @Option(
            names = "--strip-identifiers",
            description = "Remove names, addresses, telecom and national identifiers instead of refusing the record.")
    boolean stripIdentifiers;

    @Option(
            names = "--mappings",
            paramLabel = "DIR",
            description = "Folder with edited code mapping tables (analytes.csv, units.csv, ingredients.csv, …); "
                    + "files present there replace the defaults.")
    Path mappingsDir;

    @Option(names = "--quiet", description = "No progress or summary on stderr (rejections are still listed).")
    boolean quiet;
}
