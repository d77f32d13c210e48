package org.mhtrigger.review.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.screen.Rejection;
import org.mhtrigger.review.ScreenedStay;

/** The UI import shares the reader's failure policy: one bad value rejects its resource, never the import. */
class ImportPipelineBadInputTest {
    private static final Path BAD_INPUT = Path.of("../bad-input");

    @Test
    void aFourHundredDigitValue_rejectsThatResourceNamingTheFile_andTheRestIsImported() {
        List<ScreenedStay> screened = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();

        new ImportPipeline().run(List.of(BAD_INPUT.resolve("huge-number")), new ImportPipeline.Listener() {
            @Override
            public void screened(ScreenedStay stay) {
                screened.add(stay);
            }

            @Override
            public void rejected(Rejection rejection) {
                rejected.add(rejection);
            }
        });

        assertThat(rejected).extracting(Rejection::source).anyMatch(s -> s.contains("b-huge-value.json"));
        assertThat(rejected).extracting(Rejection::reason).allMatch(r -> r.contains("value is out of range"));
        assertThat(screened).extracting(s -> s.record().id()).contains("e-g1");
    }
}
