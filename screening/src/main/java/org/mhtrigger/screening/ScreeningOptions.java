package org.mhtrigger.screening;

import java.nio.file.Path;
import org.mhtrigger.fhir.ReaderOptions;
import org.mhtrigger.rules.RulesConfig;

/**
 * How a {@link ScreeningPipeline} reads and screens. Immutable, thread-safe.
 *
 * @param stripIdentifiers {@code false} (the default): a record carrying a name, address, telecom, photo or national
 *     identifier is refused; {@code true}: those elements are removed and the record is read
 * @param rulesDirectory a folder whose files ({@code thresholds.csv}, {@code ingredient-classes.csv}, {@code
 *     catalogue.csv}, …) replace the bundled rule configuration of the same name; {@code null} (the default) for the
 *     bundled rules only
 * @param mappingDirectory a folder whose CSV files replace the bundled code mapping tables of the same name ({@code
 *     analytes.csv}, {@code units.csv}, …); {@code null} (the default) for the bundled tables only
 * @param threads {@code 1} (the default) to read and screen on the calling thread; more to parse and to screen on
 *     that many threads each (the output is the same, in the same order)
 * @param maxResourceBytes the largest NDJSON line or {@code .json} file read ({@link ReaderOptions#MAX_RESOURCE_BYTES},
 *     32 MiB, by default); a larger one is rejected with its size
 */
public record ScreeningOptions(
        boolean stripIdentifiers, Path rulesDirectory, Path mappingDirectory, int threads, long maxResourceBytes) {
    public ScreeningOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads + " must be at least 1");
        }
        if (maxResourceBytes < 1024 || maxResourceBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(
                    "maximum resource size " + maxResourceBytes + " bytes must be between 1 KiB and 2 GiB");
        }
    }

    /** Refuse records with identifiers; bundled rules and mapping tables; one thread; 32 MiB per resource. */
    public static ScreeningOptions defaults() {
        return new ScreeningOptions(false, null, null, 1, ReaderOptions.MAX_RESOURCE_BYTES);
    }

    /** The rules these options screen with: the edited folder's, else the bundled ones. */
    public RulesConfig rules() {
        return rulesDirectory == null ? RulesConfig.defaults() : RulesConfig.load(rulesDirectory);
    }

    public ScreeningOptions withStripIdentifiers(boolean strip) {
        return new ScreeningOptions(strip, rulesDirectory, mappingDirectory, threads, maxResourceBytes);
    }

    /** @param directory edited rule configuration, or {@code null} for the bundled rules */
    public ScreeningOptions withRulesDirectory(Path directory) {
        return new ScreeningOptions(stripIdentifiers, directory, mappingDirectory, threads, maxResourceBytes);
    }

    /** @param directory edited mapping tables, or {@code null} for the bundled tables */
    public ScreeningOptions withMappingDirectory(Path directory) {
        return new ScreeningOptions(stripIdentifiers, rulesDirectory, directory, threads, maxResourceBytes);
    }

    public ScreeningOptions withThreads(int count) {
        return new ScreeningOptions(stripIdentifiers, rulesDirectory, mappingDirectory, count, maxResourceBytes);
    }

    public ScreeningOptions withMaxResourceBytes(long bytes) {
        return new ScreeningOptions(stripIdentifiers, rulesDirectory, mappingDirectory, threads, bytes);
    }

    /** What the reader takes of these options. */
    public ReaderOptions readerOptions() {
        return new ReaderOptions(stripIdentifiers, mappingDirectory)
                .withThreads(threads)
                .withMaxResourceBytes(maxResourceBytes);
    }
}
