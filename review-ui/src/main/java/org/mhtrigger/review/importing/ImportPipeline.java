package org.mhtrigger.review.importing;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.screen.Rejection;
import org.mhtrigger.engine.screen.Screening;
import org.mhtrigger.review.ScreenedStay;
import org.mhtrigger.screening.ListingListener;
import org.mhtrigger.screening.ScreeningOptions;
import org.mhtrigger.screening.ScreeningPipeline;

/**
 * The review UI's side of {@link ScreeningPipeline}, the pipeline {@code mhtrigger screen} runs: the same reader,
 * rules, options and failure policy (a record whose screening fails is rejected naming it, and the run goes on), with
 * each record kept whole beside its findings and suppressed mentions (the review UI shows the notes, labs and
 * medications, not only the findings). Not thread-safe: one run at a time per instance.
 */
public final class ImportPipeline {
    private final ScreeningPipeline pipeline;

    /** Hears each screened record, each rejection and each warning, on the thread that called {@link #run}. */
    public interface Listener {
        /** One record read from the input. */
        default void read() {}

        void screened(ScreenedStay stay);

        void rejected(Rejection rejection);

        default void warning(Rejection warning) {}
    }

    /** The bundled rules and mapping tables; identifiers kept (the review UI needs the encounter ids). */
    public ImportPipeline() {
        this(ScreeningOptions.defaults());
    }

    /** The rules and mapping tables {@code options} name (edited copies replace the bundled files). */
    public ImportPipeline(ScreeningOptions options) {
        this(ScreeningPipeline.of(options));
    }

    public ImportPipeline(ScreeningPipeline pipeline) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline must not be null");
    }

    /** The version of the rules records are screened with. */
    public String rulesetVersion() {
        return pipeline.rulesetVersion();
    }

    /** Reads {@code inputs} (files and folders) and screens every record, as {@link ScreeningPipeline#run} does. */
    public ScreeningPipeline.Outcome run(List<Path> inputs, Listener listener) {
        String ruleset = pipeline.rulesetVersion();
        return pipeline.run(inputs, new ScreeningPipeline.Listener() {
            @Override
            public void read(StayRecord record) {
                listener.read();
            }

            @Override
            public void screened(StayRecord record, Screening screening) {
                listener.screened(stay(record, screening, ruleset));
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

    /**
     * Every record read from {@code inputs}, screened with the bundled rules; rejected input and warnings are listed
     * on {@code err}.
     */
    public static List<ScreenedStay> screen(List<Path> inputs, PrintWriter err) {
        return screen(ScreeningOptions.defaults(), inputs, err);
    }

    /**
     * Every record read from {@code inputs}, screened as {@code options} say; rejected input and warnings are listed
     * on {@code err}.
     */
    public static List<ScreenedStay> screen(ScreeningOptions options, List<Path> inputs, PrintWriter err) {
        List<ScreenedStay> screened = new ArrayList<>();
        ScreeningPipeline pipeline = ScreeningPipeline.of(options);
        String ruleset = pipeline.rulesetVersion();
        pipeline.run(inputs, new ListingListener(err) {
            @Override
            public void screened(StayRecord record, Screening screening) {
                screened.add(stay(record, screening, ruleset));
            }
        });
        return screened;
    }

    /** What the review UI imports of one screened record: the stay, its findings and its suppressed mentions. */
    private static ScreenedStay stay(StayRecord record, Screening screening, String ruleset) {
        return new ScreenedStay(record, screening.findings(), screening.suppressed(), ruleset);
    }
}
