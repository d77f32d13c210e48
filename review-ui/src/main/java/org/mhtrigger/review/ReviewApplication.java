package org.mhtrigger.review;

import java.util.List;
import org.mhtrigger.review.importing.ImportPipeline;
import org.mhtrigger.review.report.HarmReport;
import org.mhtrigger.review.store.MeasureQueries;
import org.mhtrigger.screening.ScreeningOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Spring Boot application; start it through {@link ReviewServer}. */
@SpringBootApplication
public class ReviewApplication {
    @Bean
    TriggerChoices triggerChoices(ObjectProvider<ReviewSettings> settings) {
        ReviewSettings given = settings.getIfAvailable();
        return new TriggerChoices(given == null ? List.of() : given.catalogue());
    }

    /**
     * The import's screening: the options {@link ReviewServer#start(ReviewSettings, ScreeningOptions)} was given (the
     * edited rules and mapping tables of {@code mhtrigger serve --rules/--mappings}), else the bundled ones. Lazy:
     * built by the first import, on its thread, as loading the rules takes seconds.
     */
    @Bean
    @Lazy
    ImportPipeline importPipeline(ObjectProvider<ScreeningOptions> options) {
        return new ImportPipeline(options.getIfAvailable(ScreeningOptions::defaults));
    }

    /** The board and regulator reports, shared by the dashboard's downloads and {@code mhtrigger report}. */
    @Bean
    HarmReport harmReport(MeasureQueries queries, JdbcClient jdbc) {
        return new HarmReport(queries, jdbc);
    }
}
