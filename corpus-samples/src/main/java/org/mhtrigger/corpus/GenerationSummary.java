package org.mhtrigger.corpus;

/**
 * What a corpus generation wrote. Immutable, thread-safe.
 *
 * @param stays psychiatric inpatient stays (records)
 * @param patients patients (one Bundle each in bundle format)
 * @param resources FHIR resources written, patients included
 * @param notes DocumentReference notes written
 * @param goldRows rows of gold.csv, header excluded
 * @param mentions rows of mentions.csv, header excluded
 * @param bytes bytes written, gold files included
 */
public record GenerationSummary(
        int stays, int patients, long resources, long notes, long goldRows, long mentions, long bytes) {}
