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
 */
public record PullSummary(
        int stays,
        long resources,
        int requests,
        int retries,
        Map<String, Long> perFile,
        boolean resumed,
        List<String> selected) {
    public PullSummary {
        perFile = Map.copyOf(perFile);
        selected = List.copyOf(selected);
    }
}
