package org.mhtrigger.engine.measure;

/**
 * The measures of docs/spec/method.md §3, each a rate: numerator ÷ denominator × multiplier. Lower is better for all of
 * them ({@link #improvement()}). Thread-safe.
 */
public enum Measure {
    AE_PER_1000_PATIENT_DAYS(
            "ae-per-1000-patient-days",
            "Adverse events per 1,000 patient-days",
            "adverse events and adverse drug events, harm E-I",
            "patient-days of sampled stays",
            1000),
    AE_PER_100_ADMISSIONS(
            "ae-per-100-admissions",
            "Adverse events per 100 admissions",
            "adverse events and adverse drug events, harm E-I",
            "sampled stays",
            100),
    PERCENT_ADMISSIONS_WITH_AE(
            "percent-admissions-with-ae",
            "Percent of admissions with an adverse event",
            "sampled stays with at least one adverse event, harm E-I",
            "sampled stays",
            100),
    MH_INCIDENTS_PER_1000_PATIENT_DAYS(
            "mh-incidents-per-1000-patient-days",
            "Mental-health safety incidents per 1,000 patient-days",
            "confirmed mental-health patient-safety incidents",
            "patient-days of sampled stays",
            1000),
    RESTRICTIVE_PER_1000_BED_DAYS(
            "restrictive-per-1000-bed-days",
            "Restraint, seclusion and rapid tranquillisation episodes per 1,000 occupied bed-days",
            "episodes found by screening all stays",
            "occupied bed-days of all screened stays",
            1000);

    private final String code;
    private final String title;
    private final String numeratorLabel;
    private final String denominatorLabel;
    private final int multiplier;

    Measure(String code, String title, String numeratorLabel, String denominatorLabel, int multiplier) {
        this.code = code;
        this.title = title;
        this.numeratorLabel = numeratorLabel;
        this.denominatorLabel = denominatorLabel;
        this.multiplier = multiplier;
    }

    /** Stable key, used in CSV, JSON and as the FHIR group code. */
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String numeratorLabel() {
        return numeratorLabel;
    }

    public String denominatorLabel() {
        return denominatorLabel;
    }

    /** 1000 for "per 1,000", 100 for "per 100" and percentages. */
    public int multiplier() {
        return multiplier;
    }

    /** Whether the denominator is a count of stays (a proportion: p-chart) rather than days (a rate: u-chart). */
    public boolean isProportion() {
        return this == PERCENT_ADMISSIONS_WITH_AE;
    }

    /** Which way the measure moves when care gets safer: every harm measure improves as it falls. */
    public Direction improvement() {
        return Direction.LOWER_IS_BETTER;
    }

    /**
     * Whether the measure is computed from the reviews of the sample, so that a period still under review has no
     * final value; the restrictive-practice rate is counted by screening every stay and does not wait for reviews.
     */
    public boolean fromReviews() {
        return this != RESTRICTIVE_PER_1000_BED_DAYS;
    }

    /** The measure whose {@link #code} is {@code code}. */
    public static Measure ofCode(String code) {
        for (Measure measure : values()) {
            if (measure.code.equals(code)) {
                return measure;
            }
        }
        throw new IllegalArgumentException("measure '" + code + "' is not one of "
                + java.util.Arrays.stream(values()).map(Measure::code).toList());
    }
}
