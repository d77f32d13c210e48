package org.mhtrigger.app;

import java.io.PrintWriter;
import java.net.URI;
import org.mhtrigger.fhir.server.PullSummary;

/** What a finished pull means for the exit status, shared by {@code pull} and {@code screen --server}. Stateless. */
final class PullOutcome {
    private PullOutcome() {}

    /**
     * {@link Main#REJECTED_INPUT} when a bulk output file was rejected (each listed on {@code err} in one line) or the
     * pull read no resources at all (said in one line), else {@link Main#OK}.
     */
    static int exitCode(PullSummary summary, URI server, PrintWriter err) {
        summary.rejected().forEach(line -> err.println("rejected: " + line));
        if (summary.resources() == 0 && !summary.resumed()) {
            err.println("rejected: " + server + ": the pull read 0 resources (no stay discharged in the range, an "
                    + "empty export, or files that were not NDJSON)");
            return Main.REJECTED_INPUT;
        }
        return summary.rejected().isEmpty() ? Main.OK : Main.REJECTED_INPUT;
    }
}
