package org.mhtrigger.review.importing;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One import run and its progress: records read, screened, newly imported, already present, and the rejected input
 * (one line each, never note text). Updated by the import thread, read by page requests. Thread-safe.
 */
public final class ImportJob {
    /** Rejection lines kept per job; the count goes on past it. */
    static final int MAX_LINES = 1000;

    /** Where a job is. */
    public enum State {
        QUEUED("queued"),
        PULLING("pulling from the FHIR server"),
        SCREENING("reading and screening"),
        DONE("done"),
        FAILED("failed");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A consistent copy of a job for a page. */
    public record View(
            long id,
            String what,
            String startedBy,
            Instant startedAt,
            Instant finishedAt,
            State state,
            int files,
            int read,
            int screened,
            int imported,
            int alreadyPresent,
            int rejected,
            int warnings,
            List<String> rejections,
            String message,
            String suggestedPeriod) {
        public boolean running() {
            return state != State.DONE && state != State.FAILED;
        }
    }

    private final long id;
    private final String what;
    private final String startedBy;
    private final Instant startedAt = Instant.now();
    private final List<String> rejections = new ArrayList<>();
    private final Map<YearMonth, Integer> dischargeMonths = new TreeMap<>();
    private State state = State.QUEUED;
    private Instant finishedAt;
    private int files;
    private int read;
    private int screened;
    private int imported;
    private int alreadyPresent;
    private int rejected;
    private int warnings;
    private String message = "";

    ImportJob(long id, String what, String startedBy) {
        this.id = id;
        this.what = what;
        this.startedBy = startedBy;
    }

    public long id() {
        return id;
    }

    public String startedBy() {
        return startedBy;
    }

    synchronized void state(State value) {
        state = value;
        if (value == State.DONE || value == State.FAILED) {
            finishedAt = Instant.now();
        }
    }

    synchronized void message(String value) {
        message = value;
    }

    /** The number of files to read, zip entries included. */
    synchronized void files(int count) {
        files = count;
    }

    synchronized void read() {
        read++;
    }

    synchronized void screened(Instant discharged, boolean isNew) {
        screened++;
        if (isNew) {
            imported++;
            // only new stays suggest a period to sample: a re-import of sampled months suggests nothing
            dischargeMonths.merge(YearMonth.from(discharged.atZone(ZoneOffset.UTC)), 1, Integer::sum);
        } else {
            alreadyPresent++;
        }
    }

    synchronized void rejected(String line) {
        rejected++;
        if (rejections.size() < MAX_LINES) {
            rejections.add(line);
        }
    }

    synchronized void warning() {
        warnings++;
    }

    public synchronized View view() {
        Optional<YearMonth> busiest = dischargeMonths.entrySet().stream()
                .max(Map.Entry.<YearMonth, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey);
        return new View(
                id,
                what,
                startedBy,
                startedAt,
                finishedAt,
                state,
                files,
                read,
                screened,
                imported,
                alreadyPresent,
                rejected,
                warnings,
                List.copyOf(rejections),
                message,
                busiest.map(YearMonth::toString).orElse(""));
    }

    /** One line for the audit trail: what was imported, how it ended, and the counts. */
    synchronized String summary(State end) {
        return what + ": " + end.label() + "; " + files + " files, " + read + " records read, " + screened
                + " screened, " + imported + " new, " + alreadyPresent + " already present, " + rejected
                + " rejected inputs";
    }
}
