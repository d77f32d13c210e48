package org.mhtrigger.review.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mhtrigger.rules.RulesConfig;

/**
 * The limits a result is read against on the record page: the trigger thresholds of the rules that screened it
 * ({@code thresholds.csv}: lithium, neutrophils, white cells, sodium, potassium, QTc, glucose, ALT, CK, systolic blood
 * pressure, respiratory rate, GCS) and the warning bands and upper limit of normal kept beside them. Values are in
 * the analyte's canonical (SI) unit. Immutable, thread-safe.
 */
public final class LabLimits {
    /** How a value crosses a limit. */
    public enum Comparison {
        BELOW("<", "below"),
        AT_OR_BELOW("≤", "at or below"),
        ABOVE(">", "above"),
        AT_OR_ABOVE("≥", "at or above");

        private final String symbol;
        private final String words;

        Comparison(String symbol, String words) {
            this.symbol = symbol;
            this.words = words;
        }

        public String symbol() {
            return symbol;
        }

        public String words() {
            return words;
        }

        boolean crossedBy(double value, double limit) {
            return switch (this) {
                case BELOW -> value < limit;
                case AT_OR_BELOW -> value <= limit;
                case ABOVE -> value > limit;
                case AT_OR_ABOVE -> value >= limit;
            };
        }

        /** Whether the limit is a lower one (values under it are abnormal). */
        public boolean low() {
            return this == BELOW || this == AT_OR_BELOW;
        }
    }

    /**
     * One limit of an analyte.
     *
     * @param trigger the trigger code it belongs to, e.g. {@code MH-L02}
     * @param threshold true for a trigger threshold; false for a warning band or reference limit (flagged as outside
     *     the usual range, not as a trigger)
     * @param name what the limit is, in words: "MH-L02 threshold", "lithium warning band"
     */
    public record Limit(
            String analyte,
            Comparison comparison,
            double value,
            String unit,
            String trigger,
            boolean threshold,
            String name) {
        public Limit {
            Objects.requireNonNull(analyte, "analyte must not be null");
            Objects.requireNonNull(comparison, "comparison must not be null");
            Objects.requireNonNull(unit, "unit must not be null");
            Objects.requireNonNull(trigger, "trigger must not be null");
            Objects.requireNonNull(name, "name must not be null");
        }

        public boolean crossedBy(double siValue) {
            return comparison.crossedBy(siValue, value);
        }

        /** {@code < 1.5 10*9/L}. */
        public String describe() {
            return comparison.symbol() + " " + number(value) + " " + Units.readable(unit);
        }
    }

    /** What a result crossed: its most serious limit and a sentence for the page. */
    public record Flag(Limit limit, String text) {
        public boolean threshold() {
            return limit.threshold();
        }

        /** The short visible badge: {@code LOW} or {@code HIGH}. */
        public String badge() {
            return limit.comparison().low() ? "LOW" : "HIGH";
        }
    }

    private final Map<String, List<Limit>> byAnalyte;

    private LabLimits(Map<String, List<Limit>> byAnalyte) {
        this.byAnalyte = byAnalyte;
    }

    /** The limits of {@code rules}; the same figures the rules fire on. */
    public static LabLimits of(RulesConfig rules) {
        List<Limit> all = new ArrayList<>();
        all.add(threshold("lithium", Comparison.AT_OR_ABOVE, rules.number("lithium.high"), "mmol/L", "MH-L01"));
        all.add(band(
                "lithium",
                Comparison.AT_OR_ABOVE,
                rules.number("lithium.warning.low"),
                "mmol/L",
                "MH-L01",
                "lithium" + " warning band"));
        all.add(threshold(
                "neutrophils", Comparison.BELOW, rules.number("clozapine.neutrophils.red"), "10*9/L", "MH-L02"));
        all.add(band(
                "neutrophils",
                Comparison.BELOW,
                rules.number("clozapine.neutrophils.amber"),
                "10*9/L",
                "MH-L02",
                "clozapine amber band"));
        all.add(threshold("wbc", Comparison.BELOW, rules.number("clozapine.wbc.red"), "10*9/L", "MH-L02"));
        all.add(band(
                "wbc",
                Comparison.BELOW,
                rules.number("clozapine.wbc.amber"),
                "10*9/L",
                "MH-L02",
                "clozapine amber band"));
        all.add(threshold("sodium", Comparison.BELOW, rules.number("sodium.low"), "mmol/L", "MH-L03"));
        all.add(threshold("potassium", Comparison.BELOW, rules.number("potassium.low"), "mmol/L", "MH-L04"));
        all.add(threshold("potassium", Comparison.ABOVE, rules.number("potassium.high"), "mmol/L", "MH-L04"));
        all.add(threshold("qtc", Comparison.AT_OR_ABOVE, rules.number("qtc.high"), "ms", "MH-L05"));
        all.add(threshold("glucose", Comparison.BELOW, rules.number("glucose.low"), "mmol/L", "MH-L07"));
        all.add(threshold(
                "alt", Comparison.ABOVE, rules.number("alt.uln") * rules.number("alt.uln.factor"), "U/L", "MH-L08"));
        all.add(band("alt", Comparison.ABOVE, rules.number("alt.uln"), "U/L", "MH-L08", "upper limit of normal"));
        all.add(threshold("ck", Comparison.ABOVE, rules.number("ck.high"), "U/L", "MH-L09"));
        all.add(threshold("systolic-bp", Comparison.BELOW, rules.number("systolic-bp.low"), "mm[Hg]", "MH-M04"));
        all.add(threshold(
                "respiratory-rate", Comparison.BELOW, rules.number("respiratory-rate.low"), "/min", "MH-M04"));
        all.add(threshold("gcs", Comparison.AT_OR_BELOW, rules.number("gcs.low"), "{score}", "MH-M04"));
        Map<String, List<Limit>> byAnalyte = new LinkedHashMap<>();
        for (Limit limit : all) {
            byAnalyte.computeIfAbsent(limit.analyte(), k -> new ArrayList<>()).add(limit);
        }
        byAnalyte.replaceAll((k, v) -> List.copyOf(v));
        return new LabLimits(Map.copyOf(byAnalyte));
    }

    private static Limit threshold(String analyte, Comparison comparison, double value, String unit, String trigger) {
        return new Limit(analyte, comparison, value, unit, trigger, true, trigger + " threshold");
    }

    private static Limit band(
            String analyte, Comparison comparison, double value, String unit, String trigger, String name) {
        return new Limit(analyte, comparison, value, unit, trigger, false, name);
    }

    /** The limits of an analyte (its canonical key, e.g. {@code neutrophils}), trigger thresholds first. */
    public List<Limit> of(String analyte) {
        return byAnalyte.getOrDefault(analyte, List.of());
    }

    /**
     * What a result crosses, if anything: a trigger threshold before a band. {@code siUnit} must be the limit's unit
     * (a result in another unit is not compared).
     */
    public java.util.Optional<Flag> flag(String analyte, Double siValue, String siUnit) {
        if (siValue == null || siUnit == null) {
            return java.util.Optional.empty();
        }
        for (Limit limit : of(analyte)) {
            if (limit.unit().equals(siUnit) && limit.crossedBy(siValue)) {
                String text = limit.threshold()
                        ? "crosses the " + limit.name() + " (" + limit.describe() + ")"
                        : "in the " + limit.name() + " (" + limit.describe() + ")";
                if (!limit.threshold() && limit.name().equals("upper limit of normal")) {
                    text = "above the upper limit of normal (" + number(limit.value()) + " "
                            + Units.readable(limit.unit()) + ")";
                }
                return java.util.Optional.of(new Flag(limit, text));
            }
        }
        return java.util.Optional.empty();
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : new java.math.BigDecimal(Double.toString(value))
                        .stripTrailingZeros()
                        .toPlainString();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LabLimits[%d analytes]", byAnalyte.size());
    }
}
