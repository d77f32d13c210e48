package org.mhtrigger.app.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.screen.Rejection;
import org.mhtrigger.engine.screen.Screener;
import org.mhtrigger.engine.text.LuceneTextMatcher;
import org.mhtrigger.fhir.FhirRecordReader;
import org.mhtrigger.fhir.ReaderOptions;
import org.mhtrigger.fhir.RecordListener;
import org.mhtrigger.review.ScreenedStay;
import org.mhtrigger.rules.DroolsTriggerEvaluator;
import org.mhtrigger.rules.RulesConfig;

/**
 * Reads and screens FHIR input for the review UI, with the same reader, text matcher and rules as {@link Pipeline},
 * keeping each record with its findings (the review UI shows the notes, labs and medications, not only the
 * findings). Not thread-safe: one per command run.
 */
public final class ReviewImport {
    private ReviewImport() {}

    /** Every record read from {@code inputs}, screened; rejected input is listed on {@code err}. */
    public static List<ScreenedStay> screen(List<Path> inputs, PrintWriter err) {
        RulesConfig rules = RulesConfig.defaults();
        FhirRecordReader reader = new FhirRecordReader(new ReaderOptions(false, null));
        Screener screener = new Screener(
                LuceneTextMatcher.create(rules.lexicon(), rules.context()), new DroolsTriggerEvaluator(rules));
        List<ScreenedStay> screened = new ArrayList<>();
        reader.read(inputs, new RecordListener() {
            @Override
            public void record(StayRecord record) {
                screened.add(new ScreenedStay(record, screener.screen(record).findings(), screener.rulesetVersion()));
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
