package org.mhtrigger.fhir.server;

import java.util.List;
import java.util.Map;

/**
 * What one pull did. Immutable, thread-safe.
 *
 * @param stays stays (or, for a bulk export, output files) completed, including those completed by earlier runs
 * @param resources resources written by this run
 * @param requests HTTP requests sent by this run, retries included
 * @param retries requests of this run that were retries
 * @param perFile resources written per output file by this run
 * @param resumed whether this run continued an earlier interrupted one
 * @param selected the encounter ids, as written (pseudonyms when pseudonymising), of the stays a search pull selected
 *     by discharge day, in the order found; the files also hold the patients' other stays, for context. Empty for a
 *     bulk export, which selects nothing.
 * @param rejected one line for each thing this run received but could not use (a bulk output file that is an
 *     OperationOutcome or an HTML page instead of NDJSON), naming its URL and the problem; the rest was written
 */
public record PullSummary(
        int stays,
        long resources,
        int requests,
        int retries,
        Map<String, Long> perFile,
        boolean resumed,
        List<String> selected,
        List<String> rejected) {
    public PullSummary {
        perFile = Map.copyOf(perFile);
        selected = List.copyOf(selected);
        rejected = List.copyOf(rejected);
    }

    /** A summary with nothing rejected. */
    public PullSummary(
            int stays,
            long resources,
            int requests,
            int retries,
            Map<String, Long> perFile,
            boolean resumed,
            List<String> selected) {
        this(stays, resources, requests, retries, perFile, resumed, selected, List.of());
    }
}
