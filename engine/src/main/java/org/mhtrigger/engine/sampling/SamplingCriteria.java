package org.mhtrigger.engine.sampling;

/**
 * Who is in a sampling frame, and how the draw is stratified. Immutable, thread-safe.
 *
 * @param minAgeYears minimum age in whole years at admission; 0 drops the age rule (for example on a child and
 *     adolescent unit). With an age rule, a stay whose patient has no known birth date is left out of the frame.
 * @param minLengthOfStayHours minimum length of stay in hours (method default 24; some teams use 72)
 * @param stratifyBy {@code null} for a simple random draw, or {@code "ward"} for a draw stratified by ward with
 *     proportional allocation
 */
public record SamplingCriteria(int minAgeYears, double minLengthOfStayHours, String stratifyBy) {
    /** The only stratification key supported. */
    public static final String WARD = "ward";

    public SamplingCriteria {
        if (minAgeYears < 0) {
            throw new IllegalArgumentException("minimum age " + minAgeYears + " must be >= 0");
        }
        if (!(minLengthOfStayHours >= 0) || Double.isInfinite(minLengthOfStayHours)) {
            throw new IllegalArgumentException(
                    "minimum length of stay " + minLengthOfStayHours + " h must be a finite number >= 0");
        }
        if (stratifyBy != null && !WARD.equals(stratifyBy)) {
            throw new IllegalArgumentException("stratify by '" + stratifyBy + "' must be null or 'ward'");
        }
    }

    /** The method's defaults: age at least 18, stay at least 24 hours, not stratified. */
    public static SamplingCriteria defaults() {
        return new SamplingCriteria(18, 24.0, null);
    }

    public SamplingCriteria withMinAgeYears(int years) {
        return new SamplingCriteria(years, minLengthOfStayHours, stratifyBy);
    }

    public SamplingCriteria withMinLengthOfStayHours(double hours) {
        return new SamplingCriteria(minAgeYears, hours, stratifyBy);
    }

    public SamplingCriteria withStratifyBy(String key) {
        return new SamplingCriteria(minAgeYears, minLengthOfStayHours, key);
    }
}
