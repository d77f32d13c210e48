package org.mhtrigger.fhir.server;

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
 */
public record PullSummary(
        int stays, long resources, int requests, int retries, Map<String, Long> perFile, boolean resumed) {
    public PullSummary {
        perFile = Map.copyOf(perFile);
    }
}
