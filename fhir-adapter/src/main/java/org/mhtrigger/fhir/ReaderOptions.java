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
 * @param buckets how many groups of patients the input is split into so that memory stays bounded: {@code 0} (the
 *     default) chooses from the input size — 64 MiB of files or less ({@link #IN_MEMORY_BYTES}) are read in one group in
 *     memory, larger inputs are split into one group per 16 MiB ({@link #BUCKET_BYTES}, at most 256 groups; small
 *     enough for a 512 MB heap with a group per thread in flight), spilled to temporary files, or, when no
 *     {@code spillDirectory} is given, kept in the heap if it has room ({@link #spillInMemory});
 *     {@code 1} reads everything in memory whatever its size; {@code n > 1} spills into exactly {@code n} groups
 * @param spillDirectory where the temporary files of a split read go (a fresh folder inside it, deleted at the end);
 *     {@code null} (the default) for the heap when it has room, else the system's temporary folder
 * @param threads how many threads parse the groups of a split read ({@code 1}, the default: the calling thread
 *     alone); records, rejections and warnings reach the listener on the calling thread in the same order whatever
 *     the number
 * @param maxResourceBytes the largest NDJSON line or {@code .json} file read ({@link #MAX_RESOURCE_BYTES}, 32 MiB, by
 *     default); a longer line or file is rejected with its size, without being held in memory, so that one outsized
 *     resource cannot exhaust a small heap
 * @param groupParts in how many parts each group of a split read is parsed and assembled: {@code 0} (the default) for
 *     {@link #GROUP_PARTS}; a part holds whole patients, and the parts' records, rejections and warnings are put back
 *     in the order the whole group gives, so the number changes only memory and speed, never what is read or its
 *     order
 */
public record ReaderOptions(
        boolean stripIdentifiers,
        Path mappingDirectory,
        int buckets,
        Path spillDirectory,
        int threads,
        long maxResourceBytes,
        int groupParts) {
    /** The default of {@link #maxResourceBytes()}: 32 MiB, several times the largest note with inline PDFs seen. */
    public static final long MAX_RESOURCE_BYTES = 32L * 1024 * 1024;
    /** Inputs up to this many bytes are read in memory when {@link #buckets()} is {@code 0}. */
    public static final long IN_MEMORY_BYTES = 64L * 1024 * 1024;
    /** Bytes of input per group when {@link #buckets()} is {@code 0} and the input is larger than {@link #IN_MEMORY_BYTES}. */
    public static final long BUCKET_BYTES = 16L * 1024 * 1024;
    /**
     * Parts per group when {@link #groupParts()} is {@code 0}: a 16 MiB group is parsed as four parts of about 4 MiB,
     * so a thread holds a quarter of the facts and HAPI objects at a time. At 10,000 generated stays the whole screen
     * took 0.95x the wall time and 0.93x the CPU time of whole groups (5 alternating pairs; most of it the collector
     * copying less); eight parts were no faster.
     */
    public static final int GROUP_PARTS = 4;
    /** Heap kept free of in-memory spill files: see {@link #spillInMemory}. */
    public static final long SPILL_HEAP_RESERVE = 512L * 1024 * 1024;

    public ReaderOptions {
        if (buckets < 0 || buckets > 4096) {
            throw new IllegalArgumentException("buckets " + buckets + " must be between 0 (automatic) and 4096");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads + " must be at least 1");
        }
        if (maxResourceBytes < 1024 || maxResourceBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(
                    "maximum resource size " + maxResourceBytes + " bytes must be between 1 KiB and 2 GiB");
        }
        if (groupParts < 0 || groupParts > 64) {
            throw new IllegalArgumentException("group parts " + groupParts + " must be between 0 (automatic) and 64");
        }
    }

    /** Options with the default {@link #GROUP_PARTS}. */
    public ReaderOptions(
            boolean stripIdentifiers,
            Path mappingDirectory,
            int buckets,
            Path spillDirectory,
            int threads,
            long maxResourceBytes) {
        this(stripIdentifiers, mappingDirectory, buckets, spillDirectory, threads, maxResourceBytes, 0);
    }

    /** Options with the default {@link #MAX_RESOURCE_BYTES}. */
    public ReaderOptions(
            boolean stripIdentifiers, Path mappingDirectory, int buckets, Path spillDirectory, int threads) {
        this(stripIdentifiers, mappingDirectory, buckets, spillDirectory, threads, MAX_RESOURCE_BYTES);
    }

    /** Options read on the calling thread alone. */
    public ReaderOptions(boolean stripIdentifiers, Path mappingDirectory, int buckets, Path spillDirectory) {
        this(stripIdentifiers, mappingDirectory, buckets, spillDirectory, 1);
    }

    /** Options with automatic bucketing in the system's temporary folder. */
    public ReaderOptions(boolean stripIdentifiers, Path mappingDirectory) {
        this(stripIdentifiers, mappingDirectory, 0, null);
    }

    /** Refuse records with identifiers; bundled mapping tables; automatic bucketing. */
    public static ReaderOptions defaults() {
        return new ReaderOptions(false, null, 0, null, 1, MAX_RESOURCE_BYTES, 0);
    }

    public ReaderOptions withStripIdentifiers(boolean strip) {
        return new ReaderOptions(
                strip, mappingDirectory, buckets, spillDirectory, threads, maxResourceBytes, groupParts);
    }

    public ReaderOptions withMappingDirectory(Path directory) {
        return new ReaderOptions(
                stripIdentifiers, directory, buckets, spillDirectory, threads, maxResourceBytes, groupParts);
    }

    /** @param count {@code 0} automatic, {@code 1} in memory, {@code n > 1} exactly {@code n} spilled groups */
    public ReaderOptions withBuckets(int count) {
        return new ReaderOptions(
                stripIdentifiers, mappingDirectory, count, spillDirectory, threads, maxResourceBytes, groupParts);
    }

    public ReaderOptions withSpillDirectory(Path directory) {
        return new ReaderOptions(
                stripIdentifiers, mappingDirectory, buckets, directory, threads, maxResourceBytes, groupParts);
    }

    /** @param count threads parsing the groups of a split read; at least 1 */
    public ReaderOptions withThreads(int count) {
        return new ReaderOptions(
                stripIdentifiers, mappingDirectory, buckets, spillDirectory, count, maxResourceBytes, groupParts);
    }

    /** @param bytes the largest NDJSON line or {@code .json} file read; at least 1 KiB */
    public ReaderOptions withMaxResourceBytes(long bytes) {
        return new ReaderOptions(
                stripIdentifiers, mappingDirectory, buckets, spillDirectory, threads, bytes, groupParts);
    }

    /** @param parts in how many parts each group of a split read is parsed: {@code 0} automatic, 1 to 64 */
    public ReaderOptions withGroupParts(int parts) {
        return new ReaderOptions(
                stripIdentifiers, mappingDirectory, buckets, spillDirectory, threads, maxResourceBytes, parts);
    }

    /** The parts each group of a split read is parsed in: {@link #groupParts()}, or {@link #GROUP_PARTS} for 0. */
    public int partsPerGroup() {
        return groupParts > 0 ? groupParts : GROUP_PARTS;
    }

    /**
     * Whether the spill files of a split read of {@code inputBytes} stay in the heap instead of going to disk: when the
     * heap has room for them (about the input's size) twice over, beyond {@link #SPILL_HEAP_RESERVE} kept for the
     * groups in flight and screening. With a 512 MB heap every split read goes to disk; with the JVM's default heap
     * on an ordinary machine, an export of a few hundred MB does not touch the disk.
     */
    public static boolean spillInMemory(long inputBytes, long maxHeapBytes) {
        return inputBytes <= (maxHeapBytes - SPILL_HEAP_RESERVE) / 2;
    }

    /**
     * Whether a split read of {@code inputBytes} keeps its spill files in this JVM's heap: never when a {@link
     * #spillDirectory()} is given (that is where they go), else when {@link #spillInMemory} says the heap has room.
     */
    public boolean spillsInMemory(long inputBytes) {
        return spillDirectory == null
                && spillInMemory(inputBytes, Runtime.getRuntime().maxMemory());
    }

    /** The number of groups for {@code inputBytes} of input files. */
    public int bucketsFor(long inputBytes) {
        if (buckets > 0) {
            return buckets;
        }
        if (inputBytes <= IN_MEMORY_BYTES) {
            return 1;
        }
        // not by thread count, so that records come out in the same order whatever it is; at most 256 groups, so the
        // spill files open at once stay well under the usual limit of 1024
        return (int) Math.min(256, (inputBytes + BUCKET_BYTES - 1) / BUCKET_BYTES);
    }
}
