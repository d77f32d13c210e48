package org.mhtrigger.fhir;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.mhtrigger.engine.ConfigurationException;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.fhir.internal.FhirContexts;
import org.mhtrigger.fhir.internal.mapping.MappingTables;
import org.mhtrigger.fhir.internal.read.ReadSession;

/**
 * Reads FHIR R4 files and folders into {@link StayRecord}s. Thread-safe: create one per application and call {@link
 * #read} from any number of threads; each call keeps its own state.
 *
 * <p>Input: FHIR R4 JSON resources, Bundles of type {@code collection}, {@code transaction}, {@code batch}, {@code
 * searchset} (and {@code document}), and Bulk Data NDJSON ({@code *.ndjson}, one resource per line, read line by
 * line). Folders are read recursively in sorted order; files in them that are neither {@code .json} nor {@code
 * .ndjson} are skipped. A stay's resources may be spread over any number of files.
 *
 * <p>A record is one finished psychiatric inpatient Encounter with a period start and end, plus the resources that
 * reference it ({@code encounter}, {@code context}) or belong to its patient ({@code subject}, {@code patient}) and are
 * dated inside its period. Dates without a time are the start of that day in UTC. Resources entered in error are
 * dropped.
 *
 * <p>Bad input never stops the batch: each bad file, NDJSON line, Bundle entry, resource or stay is reported to
 * {@link RecordListener#rejected} in one line that names it and the problem without echoing its content.
 */
public final class FhirRecordReader {
    private final ReaderOptions options;
    private final MappingTables mapping;

    /**
     * @throws ConfigurationException if a mapping table in {@link ReaderOptions#mappingDirectory()} (or a bundled one)
     *     cannot be used; the message names the file and line
     */
    public FhirRecordReader(ReaderOptions options) {
        this.options = Objects.requireNonNull(options, "options must not be null");
        this.mapping = MappingTables.load(options.mappingDirectory());
    }

    /** A reader with {@link ReaderOptions#defaults()}. */
    public FhirRecordReader() {
        this(ReaderOptions.defaults());
    }

    public ReaderOptions options() {
        return options;
    }

    /**
     * Reads {@code inputs} and reports to {@code listener}: rejections and warnings as they are found, records as
     * soon as their group of patients is assembled.
     *
     * <p>Inputs up to {@link ReaderOptions#IN_MEMORY_BYTES} (or any size with
     * {@link ReaderOptions#buckets()} {@code 1}) are read as one group: records come after the last file, in the order
     * their Encounters were read. Larger inputs are split by patient: a first pass checks the JSON and writes each
     * resource to its patient's group in a temporary folder (deleted at the end, also on failure), then the groups are
     * read one after another, each delivering its records in the order their Encounters were read. The order of
     * records is then by group, and groups depend on a hash of the patient id and the number of groups: the same
     * input and options give the same order, but it is not the order of the input. Reasons always name the original
     * file, line or Bundle entry.
     *
     * <p>Memory of a split read holds one group, not the input: what grows with the input is about 20 bytes per
     * Encounter (to place resources that name only their encounter), the resources that belong to no patient
     * (Medication, Location, Practitioner, …) and one {@code .json} file at a time, which is parsed whole — very large
     * inputs should be NDJSON or many small Bundles.
     *
     * @param inputs files and folders
     * @return the counts of what was read
     * @throws java.io.UncheckedIOException if the temporary folder of a split read cannot be written
     */
    public ReadSummary read(List<Path> inputs, RecordListener listener) {
        Objects.requireNonNull(inputs, "inputs must not be null");
        Objects.requireNonNull(listener, "listener must not be null");
        return new ReadSession(FhirContexts.r4(), mapping, options, listener).run(List.copyOf(inputs));
    }

    /**
     * Reads {@code inputs} into memory, for tests and small inputs; rejections and warnings are dropped. Use {@link
     * #read} with a {@link CollectingListener} to see them.
     */
    public List<StayRecord> readAll(List<Path> inputs) {
        CollectingListener listener = new CollectingListener();
        read(inputs, listener);
        return listener.records();
    }
}
