package org.mhtrigger.fhir.internal.spill;

/**
 * Where a resource was first read, compact so a group of many resources stays small. Immutable.
 *
 * @param digest {@link Entry#contentDigest} of the copy's text
 * @param file index of its file among the files read
 * @param line its NDJSON line, or {@code 0}
 * @param entry its Bundle entry, or {@code 0}
 */
public record Copy(long digest, int file, int line, int entry) {
    public static Copy of(Entry entry) {
        return new Copy(entry.digest(), entry.file(), entry.line(), entry.entry());
    }

    /**
     * The key under which a split read's map of copies kept elsewhere holds a later, different copy (in another group)
     * of the resource read first as {@code seq}: negative, so no sequence number takes it.
     */
    public static long otherCopyKey(long seq) {
        return -seq - 1;
    }
}
