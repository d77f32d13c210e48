package org.mhtrigger.engine.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReviewPeriodTest {
    @Test
    void aMonth_runsFromItsFirstDayToTheFirstOfTheNext() {
        ReviewPeriod period = ReviewPeriod.parse("2026-02");

        assertThat(period.start()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(period.endExclusive()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(period.label()).isEqualTo("2026-02");
    }

    @Test
    void aFortnight_isWrittenWithInclusiveDatesAndReadBack() {
        ReviewPeriod period = ReviewPeriod.parse("2026-03-01/2026-03-14");

        assertThat(period.endExclusive()).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(period.last()).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(period.label()).isEqualTo("2026-03-01/2026-03-14");
        assertThat(ReviewPeriod.parse(period.label())).isEqualTo(period);
    }

    @Test
    void datesSpanningExactlyAMonth_areLabelledAsTheMonth() {
        assertThat(ReviewPeriod.parse("2026-03-01/2026-03-31").label()).isEqualTo("2026-03");
    }

    @Test
    void contains_usesUtcDaysWithTheEndExcluded() {
        ReviewPeriod period = ReviewPeriod.parse("2026-03-01/2026-03-14");

        assertThat(period.contains(Instant.parse("2026-03-01T00:00:00Z"))).isTrue();
        assertThat(period.contains(Instant.parse("2026-03-14T23:59:59Z"))).isTrue();
        assertThat(period.contains(Instant.parse("2026-03-15T00:00:00Z"))).isFalse();
        assertThat(period.contains(Instant.parse("2026-02-28T23:59:59Z"))).isFalse();
    }

    @Test
    void badText_isRefusedNamingTheTextAndTheExpectedForms() {
        assertThatThrownBy(() -> ReviewPeriod.parse("March"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'March'")
                .hasMessageContaining("2026-03-01/2026-03-14");
        assertThatThrownBy(() -> ReviewPeriod.parse("2026-03-14/2026-03-01")).hasMessageContaining("before it starts");
    }

    @Test
    void criteria_refuseUnknownStratificationAndNegativeLimits() {
        assertThatThrownBy(() -> new SamplingCriteria(18, 24, "team")).hasMessageContaining("'team'");
        assertThatThrownBy(() -> new SamplingCriteria(-1, 24, null)).hasMessageContaining("-1");
        assertThatThrownBy(() -> new SamplingCriteria(18, Double.NaN, null)).hasMessageContaining("NaN");
        assertThat(SamplingCriteria.defaults()).isEqualTo(new SamplingCriteria(18, 24.0, null));
    }
}
