package org.mhtrigger.fhir;

import java.nio.file.Path;

/**
 * How {@link FhirRecordReader} treats its input. Immutable, thread-safe.
 *
 * @param stripIdentifiers {@code false} (the default): a record whose patient or attached resources carry a name,
 *     address, telecom, photo or national identifier is refused; {@code true}: those elements are removed, counted in
 *     {@link ReadSummary#identifiersStripped()}, and the record is read
 * @param mappingDirectory a folder whose CSV files replace the bundled mapping tables of the same name ({@code
 *     analytes.csv}, {@code units.csv}, …); {@code null} (the default) to use the bundled tables only
 */
public record ReaderOptions(boolean stripIdentifiers, Path mappingDirectory) {
    /** Refuse records with identifiers; bundled mapping tables. */
    public static ReaderOptions defaults() {
        return new ReaderOptions(false, null);
    }

    public ReaderOptions withStripIdentifiers(boolean strip) {
        return new ReaderOptions(strip, mappingDirectory);
    }

    public ReaderOptions withMappingDirectory(Path directory) {
        return new ReaderOptions(stripIdentifiers, directory);
    }
}
