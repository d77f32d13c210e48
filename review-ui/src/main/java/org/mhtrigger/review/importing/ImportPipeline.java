package org.mhtrigger.review.importing;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.screen.Rejection;
import org.mhtrigger.engine.screen.Screener;
import org.mhtrigger.engine.screen.Screening;
import org.mhtrigger.fhir.FhirRecordReader;
import org.mhtrigger.fhir.ReaderOptions;
import org.mhtrigger.fhir.RecordListener;
import org.mhtrigger.review.ScreenedStay;
import org.mhtrigger.rules.DroolsTriggerEvaluator;
import org.mhtrigger.rules.RulesConfig;

/**
 * Reads and screens FHIR input for the review UI with the same reader, text matcher and rules as {@code mhtrigger
 * screen}, keeping each record with its findings and suppressed mentions (the review UI shows the notes, labs and
 * medications, not only the findings). Not thread-safe: one run at a time per instance.
 */
public final class ImportPipeline {
    private final FhirRecordReader reader;
    private final Screener screener;

    /** Hears each screened record, each rejection and each warning, on the thread that called {@link #run}. */
    public interface Listener {
        /** One record read from the input. */
        default void read() {}

        void screened(ScreenedStay stay);

        void rejected(Rejection rejection);

        default void warning(Rejection warning) {}
    }

    /** The bundled rules; identifiers kept (the review UI needs the encounter ids to find records again). */
    public ImportPipeline() {
        RulesConfig rules = RulesConfig.defaults();
        this.reader = new FhirRecordReader(new ReaderOptions(false, null));
        this.screener = DroolsTriggerEvaluator.screener(rules);
    }

    /**
     * Reads {@code inputs} (files and folders) and screens every record; a record whose screening fails is reported
     * as rejected and the run goes on.
     */
    public void run(List<Path> inputs, Listener listener) {
        reader.read(inputs, new RecordListener() {
            @Override
            public void record(StayRecord record) {
                listener.read();
                ScreenedStay screened;
                try {
                    Screening screening = screener.screen(record);
                    screened = new ScreenedStay(
                            record, screening.findings(), screening.suppressed(), screener.rulesetVersion());
                } catch (RuntimeException e) {
                    // the message may quote note text: name only the record key and the kind of failure
                    listener.rejected(new Rejection(
                            "Encounter/" + record.id(),
                            "screening failed (" + e.getClass().getSimpleName() + ")"));
                    return;
                }
                listener.screened(screened);
            }

            @Override
            public void rejected(Rejection rejection) {
                listener.rejected(rejection);
            }

            @Override
            public void warning(Rejection warning) {
                listener.warning(warning);
            }
        });
    }

    /** Every record read from {@code inputs}, screened; rejected input and warnings are listed on {@code err}. */
    public static List<ScreenedStay> screen(List<Path> inputs, PrintWriter err) {
        List<ScreenedStay> screened = new ArrayList<>();
        new ImportPipeline().run(inputs, new Listener() {
            @Override
            public void screened(ScreenedStay stay) {
                screened.add(stay);
            }

            @Override
            public void rejected(Rejection rejection) {
                err.println("rejected: " + rejection);
            }

            @Override
            public void warning(Rejection warning) {
                err.println("warning: " + warning);
            }
        });
        return screened;
    }
}
