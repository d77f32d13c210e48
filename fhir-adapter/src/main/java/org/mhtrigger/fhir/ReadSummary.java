package org.mhtrigger.fhir;

/**
 * Counts from one {@link FhirRecordReader#read} call. Immutable, thread-safe.
 *
 * @param files files read (folders count by the files found in them)
 * @param resources FHIR resources parsed, Bundle entries counted one by one, duplicates not counted again
 * @param records records delivered to {@link RecordListener#record}
 * @param rejected calls to {@link RecordListener#rejected}
 * @param warnings calls to {@link RecordListener#warning}
 * @param identifiersStripped names, addresses, telecoms, photos, national identifiers and patient-reference displays
 *     removed because {@link ReaderOptions#stripIdentifiers()} was set; {@code 0} otherwise
 */
public record ReadSummary(
        int files, long resources, int records, int rejected, int warnings, long identifiersStripped) {
    public ReadSummary {
        if (files < 0 || resources < 0 || records < 0 || rejected < 0 || warnings < 0 || identifiersStripped < 0) {
            throw new IllegalArgumentException("read summary counts must not be negative: files=" + files
                    + " resources=" + resources + " records=" + records + " rejected=" + rejected + " warnings="
                    + warnings + " identifiersStripped=" + identifiersStripped);
        }
    }

    /** Whether every input was used: nothing rejected. Warnings do not count. */
    public boolean complete() {
        return rejected == 0;
    }
}
