package org.mhtrigger.engine.record;

import java.time.Instant;

/**
 * A laboratory result or vital sign with its value converted to SI. Immutable, thread-safe.
 *
 * @param source the Observation it came from
 * @param analyte canonical analyte key: {@code lithium}, {@code sodium}, {@code potassium}, {@code qtc},
 *     {@code creatinine}, {@code glucose}, {@code alt}, {@code ck}, {@code neutrophils}, {@code wbc},
 *     {@code systolic-bp}, {@code respiratory-rate}, {@code gcs}, …
 * @param value the value as given
 * @param unit the unit as given, {@code ""} if none
 * @param siValue the value in {@link #siUnit()}, {@code null} when the unit could not be converted (such a result
 *     never fires a threshold)
 * @param siUnit the canonical unit of the analyte ({@code mmol/L}, {@code umol/L}, {@code U/L}, {@code 10*9/L},
 *     {@code ms}, {@code mm[Hg]}, {@code /min}, {@code {score}})
 * @param time when the specimen was taken or the sign observed
 */
public record LabResult(
        SourceRef source, String analyte, double value, String unit, Double siValue, String siUnit, Instant time) {
    public LabResult {
        Checks.require(source, "lab source");
        Checks.requireText(analyte, "analyte");
        Checks.require(time, "lab time");
        unit = unit == null ? "" : unit;
        siUnit = siUnit == null ? "" : siUnit;
    }

    /** Whether the value was converted to SI and can be compared with thresholds. */
    public boolean converted() {
        return siValue != null;
    }
}
