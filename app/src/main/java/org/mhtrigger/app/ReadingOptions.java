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

    @Option(
            names = "--max-resource-size",
            paramLabel = "SIZE",
            defaultValue = "32M",
            description = "Largest NDJSON line or .json file read, in bytes or with K, M or G (default: "
                    + "${DEFAULT-VALUE}); a larger one is rejected with its size, without being loaded.")
    String maxResourceSize;

    /** The --max-resource-size value in bytes, checked. */
    long maxResourceBytes(picocli.CommandLine commandLine) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)(\\d{1,12})\\s*([KMG]i?B?|B)?")
                .matcher(maxResourceSize.strip());
        if (!m.matches()) {
            throw new picocli.CommandLine.ParameterException(
                    commandLine,
                    "--max-resource-size '" + maxResourceSize
                            + "' must be a number of bytes, optionally with K, M or G");
        }
        long value = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2).substring(0, 1).toUpperCase(java.util.Locale.ROOT);
        long bytes = switch (unit) {
            case "K" -> value << 10;
            case "M" -> value << 20;
            case "G" -> value << 30;
            default -> value;
        };
        if (bytes < 1024 || bytes > Integer.MAX_VALUE - 16) {
            throw new picocli.CommandLine.ParameterException(
                    commandLine, "--max-resource-size " + maxResourceSize + " must be between 1K and 2047M");
        }
        return bytes;
    }

    @Option(names = "--quiet", description = "No progress or summary on stderr (rejections are still listed).")
    boolean quiet;

    /** These options as the screening pipeline takes them, checked. */
    org.mhtrigger.screening.ScreeningOptions screening(picocli.CommandLine commandLine) {
        return org.mhtrigger.screening.ScreeningOptions.defaults()
                .withStripIdentifiers(stripIdentifiers)
                .withMappingDirectory(mappingsDir)
                .withMaxResourceBytes(maxResourceBytes(commandLine));
    }
}
