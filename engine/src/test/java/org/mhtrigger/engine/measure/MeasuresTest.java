package org.mhtrigger.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.sampling.ReviewPeriod;

class MeasuresTest {
    private static final ReviewPeriod MARCH = ReviewPeriod.month(YearMonth.of(2026, 3));

    /** docs/spec/method.md §3: 20 stays, 640.0 days, 6 AEs E–I in 4 stays, plus 2 category-D findings. */
    static PeriodInput workedExample() {
        List<ReviewedStay> stays = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            stays.add(new ReviewedStay("s" + i, i < 10 ? "Ward A" : "Ward B", 32.0, Set.of()));
        }
        List<ConfirmedEvent> events = List.of(
                new ConfirmedEvent("e1", "s0", "MH-L01", OutcomeClass.ADVERSE_DRUG_EVENT, HarmCategory.F),
                new ConfirmedEvent("e2", "s0", "MH-C01", OutcomeClass.ADVERSE_EVENT, HarmCategory.E),
                new ConfirmedEvent("e3", "s1", "MH-C01", OutcomeClass.ADVERSE_EVENT, HarmCategory.E),
                new ConfirmedEvent("e4", "s1", null, OutcomeClass.ADVERSE_EVENT, HarmCategory.G),
                new ConfirmedEvent("e5", "s2", "MH-M04", OutcomeClass.ADVERSE_DRUG_EVENT, HarmCategory.E),
                new ConfirmedEvent("e6", "s12", "MH-C02", OutcomeClass.ADVERSE_EVENT, HarmCategory.H),
                new ConfirmedEvent("d1", "s3", "MH-M09", OutcomeClass.ADVERSE_DRUG_EVENT, HarmCategory.D),
                new ConfirmedEvent("d2", "s4", "MH-C01", OutcomeClass.ADVERSE_EVENT, HarmCategory.D));
        return new PeriodInput(MARCH, "1.0", stays, events, List.of(), List.of());
    }

    @Test
    void workedExample_givesTheFiguresOfTheMethod() {
        PeriodMeasures measures = Measures.compute(workedExample());

        assertThat(measures.rate(Measure.AE_PER_1000_PATIENT_DAYS).value()).isEqualTo(9.375);
        assertThat(measures.rate(Measure.AE_PER_100_ADMISSIONS).value()).isEqualTo(30.0);
        assertThat(measures.rate(Measure.PERCENT_ADMISSIONS_WITH_AE).value()).isEqualTo(20.0);
        assertThat(measures.rate(Measure.AE_PER_1000_PATIENT_DAYS).denominator())
                .isEqualTo(640.0);
    }

    @Test
    void categoryDFindings_areCountedByCategoryButNotAsHarm() {
        PeriodMeasures measures = Measures.compute(workedExample());

        assertThat(measures.byHarmCategory().get(HarmCategory.D)).isEqualTo(2);
        assertThat(measures.byHarmCategory().get(HarmCategory.E)).isEqualTo(3);
        assertThat(measures.harmEvents())
                .extracting(ConfirmedEvent::eventId)
                .containsExactly("e1", "e2", "e3", "e4", "e5", "e6");
        assertThat(measures.harmEventsByTrigger()).containsEntry("MH-C01", 2).containsEntry(Measures.NO_TRIGGER, 1);
    }

    @Test
    void wardBreakdown_dividesEachWardsEventsByItsOwnPatientDays() {
        PeriodMeasures measures = Measures.compute(workedExample());

        assertThat(measures.aeRateByWard().get("Ward A").value()).isEqualTo(5 / 320.0 * 1000);
        assertThat(measures.aeRateByWard().get("Ward B").value()).isEqualTo(1 / 320.0 * 1000);
    }

    @Test
    void safetyIncidents_areCountedApartFromHarmRates() {
        List<ReviewedStay> stays =
                List.of(new ReviewedStay("a", "W", 10.0, Set.of("MH-B01")), new ReviewedStay("b", "W", 10.0, Set.of()));
        List<ConfirmedEvent> events = List.of(
                new ConfirmedEvent("i1", "a", "MH-B01", OutcomeClass.MH_SAFETY_INCIDENT, HarmCategory.E),
                new ConfirmedEvent("i2", "a", "MH-B01", OutcomeClass.MH_SAFETY_INCIDENT, null),
                new ConfirmedEvent("q1", "b", "MH-Q01", OutcomeClass.QUALITY_OF_CARE, null));

        PeriodMeasures measures = Measures.compute(new PeriodInput(MARCH, "1.0", stays, events, List.of(), List.of()));

        assertThat(measures.rate(Measure.MH_INCIDENTS_PER_1000_PATIENT_DAYS).value())
                .isEqualTo(100.0);
        assertThat(measures.rate(Measure.AE_PER_1000_PATIENT_DAYS).value()).isZero();
        assertThat(measures.byOutcomeClass().get(OutcomeClass.QUALITY_OF_CARE)).isEqualTo(1);
    }

    @Test
    void restrictivePractice_usesAllScreenedStaysAndOnlyTheDaysInsideThePeriod() {
        List<OccupiedStay> screened = List.of(
                // 10 days in February, 5 in March
                new OccupiedStay(
                        "x", "W", Instant.parse("2026-02-19T00:00:00Z"), Instant.parse("2026-03-06T00:00:00Z")),
                // 12 hours in March
                new OccupiedStay(
                        "y", "W", Instant.parse("2026-03-10T08:00:00Z"), Instant.parse("2026-03-10T20:00:00Z")));
        List<RestrictiveEpisode> episodes = List.of(
                new RestrictiveEpisode("x", RestrictivePractice.RESTRAINT, Instant.parse("2026-02-20T10:00:00Z")),
                new RestrictiveEpisode("x", RestrictivePractice.SECLUSION, Instant.parse("2026-03-02T10:00:00Z")),
                new RestrictiveEpisode(
                        "y", RestrictivePractice.RAPID_TRANQUILLISATION, Instant.parse("2026-03-10T09:00:00Z")));

        Rate rate = Measures.compute(new PeriodInput(MARCH, "1.0", List.of(), List.of(), screened, episodes))
                .rate(Measure.RESTRICTIVE_PER_1000_BED_DAYS);

        assertThat(rate.numerator()).isEqualTo(2.0);
        assertThat(rate.denominator()).isEqualTo(5.5);
        assertThat(rate.value()).isCloseTo(2 / 5.5 * 1000, within(1e-9));
    }

    @Test
    void triggerPpv_countsEachReviewedStayOnceAndIsPositiveWhenAnEventNamesTheTrigger() {
        List<ReviewedStay> stays = List.of(
                new ReviewedStay("a", "W", 5.0, Set.of("MH-C01", "MH-L03")),
                new ReviewedStay("b", "W", 5.0, Set.of("MH-C01")),
                new ReviewedStay("c", "W", 5.0, Set.of("MH-C01")),
                new ReviewedStay("d", "W", 5.0, Set.of("MH-C01")));
        List<ConfirmedEvent> events = List.of(
                new ConfirmedEvent("1", "a", "MH-C01", OutcomeClass.ADVERSE_EVENT, HarmCategory.E),
                new ConfirmedEvent("2", "a", "MH-C01", OutcomeClass.ADVERSE_EVENT, HarmCategory.F));

        PeriodMeasures measures = Measures.compute(new PeriodInput(MARCH, "1.0", stays, events, List.of(), List.of()));

        assertThat(measures.triggerPpv().get("MH-C01").ppv()).isEqualTo(0.25);
        assertThat(measures.triggerPpv().get("MH-L03").ppv()).isZero();
    }

    @Test
    void periodWithoutSampledStays_hasUndefinedRates() {
        Rate rate = Measures.compute(new PeriodInput(MARCH, "1.0", List.of(), List.of(), List.of(), List.of()))
                .rate(Measure.AE_PER_100_ADMISSIONS);

        assertThat(rate.defined()).isFalse();
        assertThat(rate.value()).isNaN();
    }

    @Test
    void lengthOfStay_isHoursOverTwentyFourCutAtTheReviewWindow() {
        Instant admitted = Instant.parse("2026-01-01T06:00:00Z");

        assertThat(ReviewedStay.lengthOfStayDays(admitted, Instant.parse("2026-01-02T18:00:00Z"), 90))
                .isEqualTo(1.5);
        assertThat(ReviewedStay.lengthOfStayDays(admitted, Instant.parse("2026-06-01T06:00:00Z"), 90))
                .isEqualTo(90.0);
    }

    @Test
    void pooledRates_addNumeratorsAndDenominators() {
        PeriodMeasures march = Measures.compute(workedExample());

        Rate pooled = Measures.pooled(Measure.AE_PER_1000_PATIENT_DAYS, List.of(march, march));

        assertThat(pooled.numerator()).isEqualTo(12.0);
        assertThat(pooled.denominator()).isEqualTo(1280.0);
        assertThat(pooled.value()).isEqualTo(9.375);
    }
}
