package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mhtrigger.review.report.HarmFigures;
import org.mhtrigger.review.report.MeasureTables;
import org.mhtrigger.review.store.MeasureQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The CSV and JSON report files byte for byte as earlier releases wrote them, for the seeded demo history (seed 7, the
 * 18 months to 2025-12): readers of those files may compare or diff them. When the demo history itself changes on
 * purpose, write the two files under {@code src/test/resources/org/mhtrigger/review/report/} again from this data.
 */
@SpringBootTest(
        classes = ReviewApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.datasource.url=jdbc:h2:mem:measure-tables-layout;DB_CLOSE_DELAY=-1")
@Import(TestSettings.class)
class MeasureTablesLayoutTest {
    @Autowired
    DemoHistory history;

    @Autowired
    MeasureQueries queries;

    private static String resource(String name) throws IOException {
        try (InputStream in = MeasureTablesLayoutTest.class.getResourceAsStream("report/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void csvAndJson_areByteForByteWhatEarlierReleasesWrote() throws IOException {
        // given
        assertThat(history.seed(YearMonth.of(2026, 1), 18, 7L)).isEqualTo(18);
        List<MeasureQueries.PeriodData> periods = queries.periods(LocalDate.of(2024, 7, 1), LocalDate.of(2026, 1, 1));

        // when
        String json = MeasureTables.json(periods);
        String csv = MeasureTables.csv(HarmFigures.of("2024-07", "2025-12", periods, Map.of()));

        // then
        assertThat(json).isEqualTo(resource("measures-2024-07-to-2025-12.json"));
        assertThat(csv).isEqualTo(resource("measures-2024-07-to-2025-12.csv"));
        assertThat(MeasureTables.json(List.of())).isEqualTo("{\n  \"periods\": [\n  ]\n}\n");
    }
}
